package id.rekber.payment;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealEvent;
import id.rekber.escrow.DealEventRepository;
import id.rekber.escrow.DealLifecycle;
import id.rekber.escrow.DealRepository;
import id.rekber.escrow.MilestonePayments;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Create payment invoice". The order id is derived from the deal, and the payment row is stored
 * before the provider is called, so a redelivered job asks the provider for the same invoice again
 * instead of creating a second one.
 */
@Component
public class InvoiceWorker {
  private final PaymentRepository payments;
  private final DealRepository deals;
  private final DealLifecycle lifecycle;
  private final PaymentProviders providers;
  private final DealEventRepository events;
  private final MilestonePayments milestonePayments;
  private final PaymentProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  InvoiceWorker(
      PaymentRepository payments,
      DealRepository deals,
      DealLifecycle lifecycle,
      PaymentProviders providers,
      DealEventRepository events,
      MilestonePayments milestonePayments,
      PaymentProperties properties,
      TransactionTemplate tx,
      Clock clock) {
    this.payments = payments;
    this.deals = deals;
    this.lifecycle = lifecycle;
    this.providers = providers;
    this.events = events;
    this.milestonePayments = milestonePayments;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  @JobWorker(type = "payment-create-invoice", fetchVariables = "dealId")
  public Map<String, Object> createInvoice(@Variable String dealId) {
    Payment payment = tx.execute(status -> payments.findByDealId(dealId).orElseGet(() -> newPayment(dealId)));
    invoiceAtProvider(dealId, payment, stored -> lifecycle.recordPaymentDeadline(dealId, stored.getExpiresAt()));
    return Map.of("paymentDeadline", payment.getExpiresAt().toString());
  }

  /**
   * "Create milestone invoice" (decision 46): a later milestone's own invoice, from the provider
   * that holds the deal's money. Stored before the provider is called, like the deal's.
   */
  @JobWorker(type = "payment-create-milestone-invoice", fetchVariables = {"dealId", "milestone"})
  public Map<String, Object> createMilestoneInvoice(@Variable String dealId, @Variable int milestone) {
    Payment payment = tx.execute(status -> payments.findByDealIdAndMilestoneSeq(dealId, (short) milestone)
        .orElseGet(() -> newMilestonePayment(dealId, milestone)));
    invoiceAtProvider(dealId, payment, stored -> { });
    return Map.of("milestonePaymentDeadline", payment.getExpiresAt().toString());
  }

  /**
   * Asks the provider that created the payment (whatever is active now, on a redelivered job) for
   * its invoice, and stores the instructions, with {@code alsoStored} in the same transaction.
   */
  private void invoiceAtProvider(String dealId, Payment payment, java.util.function.Consumer<Payment> alsoStored) {
    PaymentProvider provider = providers.named(payment.getProvider());
    PaymentProvider.Invoice invoice;
    try {
      invoice = provider.createInvoice(payment.getId(), payment.getGrossAmount(), payment.getExpiresAt());
    } catch (ProviderRefusedException refused) {
      throw incident(dealId, refused);
    }
    tx.executeWithoutResult(status -> {
      Payment stored = payments.findForUpdate(payment.getId()).orElseThrow();
      if (!(provider.needsMethodChoice() && stored.getMethod() != null)) {
        // (A method already chosen keeps its charge: this job was redelivered after the buyer picked.)
        stored.attach(invoice);
      }
      alsoStored.accept(stored);
    });
  }

  /**
   * The escrow model has no business path for "the provider will not invoice": the refusal is kept as
   * a deal event with the provider's words, and the job fails with no retries left (an incident).
   */
  private RuntimeException incident(String dealId, ProviderRefusedException refused) {
    tx.executeWithoutResult(status -> events.save(new DealEvent(dealId, "PAYMENT_PROVIDER_REFUSED", "payment-provider",
        refused.provider() + " " + refused.providerCode() + ": " + refused.providerMessage(), clock.instant())));
    return CamundaError.jobError(refused.getMessage(), null, 0, java.time.Duration.ZERO, refused);
  }

  private Payment newPayment(String dealId) {
    Deal deal = deals.findById(dealId).orElseThrow();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.invoiceValidity()).truncatedTo(ChronoUnit.SECONDS);
    long amount = milestonePayments.firstInvoiceAmount(deal);
    return payments.save(new Payment(Payment.idFor(dealId), dealId, providers.active().name(), amount, expiresAt, now));
  }

  /** The milestone waits for its payment in the same transaction that stores the invoice row. */
  private Payment newMilestonePayment(String dealId, int milestone) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.invoiceValidity()).truncatedTo(ChronoUnit.SECONDS);
    long amount = milestonePayments.openInvoice(dealId, milestone, expiresAt);
    String provider = payments.findByDealId(dealId).map(Payment::getProvider).orElseGet(() -> providers.active().name());
    return payments.save(Payment.forMilestone(dealId, milestone, provider, amount, expiresAt, now));
  }
}
