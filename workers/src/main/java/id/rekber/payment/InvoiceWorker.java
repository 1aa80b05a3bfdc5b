package id.rekber.payment;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealLifecycle;
import id.rekber.escrow.DealRepository;
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
  private final PaymentProvider provider;
  private final PaymentProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  InvoiceWorker(
      PaymentRepository payments,
      DealRepository deals,
      DealLifecycle lifecycle,
      PaymentProvider provider,
      PaymentProperties properties,
      TransactionTemplate tx,
      Clock clock) {
    this.payments = payments;
    this.deals = deals;
    this.lifecycle = lifecycle;
    this.provider = provider;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  @JobWorker(type = "payment-create-invoice", fetchVariables = "dealId")
  public Map<String, Object> createInvoice(@Variable String dealId) {
    Payment payment = tx.execute(status -> payments.findByDealId(dealId).orElseGet(() -> newPayment(dealId)));
    PaymentProvider.Invoice invoice =
        provider.createInvoice(payment.getId(), payment.getGrossAmount(), payment.getExpiresAt());
    tx.executeWithoutResult(
        status -> {
          Payment stored = payments.findForUpdate(payment.getId()).orElseThrow();
          stored.attach(invoice);
          lifecycle.recordPaymentDeadline(dealId, stored.getExpiresAt());
        });
    return Map.of("paymentDeadline", payment.getExpiresAt().toString());
  }

  private Payment newPayment(String dealId) {
    Deal deal = deals.findById(dealId).orElseThrow();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.invoiceValidity()).truncatedTo(ChronoUnit.SECONDS);
    return payments.save(new Payment("PAY-" + dealId, dealId, provider.name(), deal.grossAmount(), expiresAt, now));
  }
}
