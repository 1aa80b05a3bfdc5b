package id.rekber.payment;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealAccess;
import id.rekber.escrow.DealStatus;
import id.rekber.escrow.PartyRole;
import id.rekber.identity.AppUser;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The buyer picks how to pay (Midtrans Core API charges one method at a time). A provider call from
 * a web request, not a job (decision 32): the method is committed first, the provider is called with
 * no lock held, and the order id stays the idempotency key, so a repeated click gets the same charge.
 */
@Service
public class PaymentMethodChoice {
  /** Less time than this before the deadline is not enough to pay. */
  static final Duration LAST_CHANCE = Duration.ofSeconds(60);

  private final PaymentRepository payments;
  private final PaymentProviders providers;
  private final DealAccess access;
  private final TransactionTemplate tx;
  private final Clock clock;

  PaymentMethodChoice(PaymentRepository payments, PaymentProviders providers, DealAccess access, TransactionTemplate tx, Clock clock) {
    this.payments = payments;
    this.providers = providers;
    this.access = access;
    this.tx = tx;
    this.clock = clock;
  }

  public Payment choose(AppUser user, String dealId, String methodCode) {
    Deal deal = tx.execute(status -> access.visibleTo(user, dealId));
    if (deal.roleOf(user.getId()).filter(r -> r == PartyRole.BUYER).isEmpty()) {
      throw Refusal.forbidden("deal.only-buyer");
    }
    Payment current = currentInvoice(deal);
    PaymentProvider provider = providers.named(current.getProvider());
    PaymentMethod method = PaymentMethod.fromCode(methodCode == null ? "" : methodCode)
        .filter(provider.methods()::contains)
        .orElseThrow(() -> Refusal.invalid("payment.method-unknown", String.valueOf(methodCode)));
    if (!provider.needsMethodChoice()) {
      throw Refusal.conflict("payment.method-not-needed");
    }
    Optional<String> previousCharge = tx.execute(status -> {
      Payment payment = payments.findForUpdate(current.getId()).orElseThrow();
      if (!Payment.PENDING.equals(payment.getStatus())) {
        throw Refusal.conflict(Payment.PAID.equals(payment.getStatus()) ? "payment.already-paid" : "payment.method-not-now");
      }
      if (clock.instant().plus(LAST_CHANCE).isAfter(payment.getExpiresAt())) {
        throw Refusal.conflict("payment.too-late");
      }
      Optional<String> before = Optional.ofNullable(payment.getChargeTransactionId());
      payment.chooseMethod(method);
      return before;
    });
    if (previousCharge.isPresent()) {
      // Midtrans reuses an expired order id for another method; a payment that won the race is not charged again.
      provider.closeInvoice(current.getId()).filter(p -> p.status() == PaymentStatus.PAID)
          .ifPresent(paid -> { throw Refusal.conflict("payment.already-paid"); });
    }
    PaymentProvider.Invoice invoice;
    try {
      invoice = provider.charge(current.getId(), current.getGrossAmount(), current.getExpiresAt(), method);
    } catch (ProviderRefusedException refused) {
      throw Refusal.invalid("payment.method-refused", String.valueOf(refused.providerMessage()));
    }
    return tx.execute(status -> {
      Payment payment = payments.findForUpdate(current.getId()).orElseThrow();
      if (method.code().equals(payment.getMethod())) {
        payment.attach(invoice);
      }
      return payment;
    });
  }

  /** The deal's own invoice while the deal waits for it; later, a milestone's open invoice (decision 46). */
  private Payment currentInvoice(Deal deal) {
    if (deal.getStatus() == DealStatus.MENUNGGU_PEMBAYARAN) {
      return payments.findByDealId(deal.getId()).orElseThrow(() -> Refusal.notFound("payment.not-yet"));
    }
    return payments.findOpen(deal.getId()).filter(p -> p.getMilestoneSeq() != null)
        .orElseThrow(() -> Refusal.conflict("payment.method-not-now"));
  }
}
