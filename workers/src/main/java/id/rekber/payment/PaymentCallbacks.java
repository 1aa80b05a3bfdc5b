package id.rekber.payment;

import id.rekber.escrow.BuyingLimits;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealEvent;
import id.rekber.escrow.DealEventRepository;
import id.rekber.escrow.DealLifecycle;
import id.rekber.escrow.DealMessages;
import id.rekber.escrow.DealRepository;
import id.rekber.ledger.EscrowLedger;
import id.rekber.platform.Refusal;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies verified payment callbacks. Money counts as received only here. Whatever order callbacks
 * come in, and however often, the payment is recorded and put in escrow once; "pending" or
 * "expired" after a settlement changes nothing.
 */
@Service
public class PaymentCallbacks {
  static final String OVER_LIMIT = "PAYMENT_OVER_LIMIT";
  private final PaymentRepository payments;
  private final DealRepository deals;
  private final DealLifecycle lifecycle;
  private final EscrowLedger ledger;
  private final DealMessages messages;
  private final ProviderNotifications notifications;
  private final BuyingLimits limits;
  private final DealEventRepository events;
  private final Clock clock;

  PaymentCallbacks(
      PaymentRepository payments,
      DealRepository deals,
      DealLifecycle lifecycle,
      EscrowLedger ledger,
      DealMessages messages,
      ProviderNotifications notifications,
      BuyingLimits limits,
      DealEventRepository events,
      Clock clock) {
    this.payments = payments;
    this.deals = deals;
    this.lifecycle = lifecycle;
    this.ledger = ledger;
    this.messages = messages;
    this.notifications = notifications;
    this.limits = limits;
    this.events = events;
    this.clock = clock;
  }

  /** Refuses a notification that cannot be about one of our payments; no lock is taken. */
  @Transactional(readOnly = true)
  public void validate(PaymentNotification n) {
    check(n, payments.findById(n.orderId()));
  }

  /** Returns what was done, for the provider's logs and ours. */
  @Transactional
  public String handle(PaymentNotification n) {
    Payment payment = check(n, payments.findForUpdate(n.orderId()));
    String outcome = outcome(n, payment);
    if (!notifications.recordFirst(n.provider(), n.notificationId(), "PAYMENT", n.orderId(), n.providerStatus(), outcome)) {
      return "DUPLICATE";
    }
    if (n.isSettled() && payment.markPaid(n.transactionId(), clock.instant())) {
      // The deal row is locked by paymentConfirmed; reading it before that would hold a stale copy.
      if (lifecycle.paymentConfirmed(payment.getDealId())) {
        // In this transaction, through the engine outbox: the process hears of exactly the money the database holds.
        messages.publish(overLimit(payment.getDealId()) ? DealMessages.DEAL_CANCELLED : DealMessages.PAYMENT_RECEIVED, payment.getDealId());
      }
      ledger.recordPayment(payment.getDealId(), payment.getGrossAmount());
    } else if (n.isClosedUnpaid()) {
      payment.markExpired();
    }
    return outcome;
  }

  private static Payment check(PaymentNotification n, java.util.Optional<Payment> found) {
    Payment payment = found.orElseThrow(() -> Refusal.notFound("payment.unknown-order", n.orderId()));
    if (!"IDR".equals(n.currency())) {
      throw Refusal.invalid("payment.wrong-currency", n.currency());
    }
    if (n.grossAmount() != payment.getGrossAmount()) {
      throw Refusal.invalid("payment.wrong-amount", n.grossAmount(), payment.getGrossAmount());
    }
    return payment;
  }

  private static String outcome(PaymentNotification n, Payment payment) {
    if (n.isSettled()) {
      return Payment.PAID.equals(payment.getStatus()) ? "ALREADY_PAID" : "PAID";
    }
    return Payment.PAID.equals(payment.getStatus()) ? "IGNORED_AFTER_PAYMENT" : "NOTED";
  }

  /**
   * Limits are checked again when the money arrives: a buyer over their tier's limit (other deals
   * paid since this one was accepted) has the deal cancelled, and the money, already in the
   * ledger, is refunded in full by the cancellation path (decisions #5.2). Decided once, recorded.
   */
  private boolean overLimit(String dealId) {
    Deal deal = deals.findById(dealId).orElseThrow();
    if (limits.acceptsPayment(deal.getBuyerId(), dealId, deal.getPrice() + deal.getShippingCost())) {
      return false;
    }
    events.save(new DealEvent(dealId, OVER_LIMIT, "system", "buyer limit exceeded at payment", clock.instant()));
    return true;
  }
}
