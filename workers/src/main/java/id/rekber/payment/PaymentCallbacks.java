package id.rekber.payment;

import id.rekber.escrow.BuyingLimits;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealEvent;
import id.rekber.escrow.DealEventRepository;
import id.rekber.escrow.DealLifecycle;
import id.rekber.escrow.DealMessages;
import id.rekber.escrow.DealRepository;
import id.rekber.escrow.MilestonePayments;
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
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentCallbacks.class);
  static final String OVER_LIMIT = "PAYMENT_OVER_LIMIT";
  private final PaymentRepository payments;
  private final DealRepository deals;
  private final DealLifecycle lifecycle;
  private final EscrowLedger ledger;
  private final DealMessages messages;
  private final ProviderNotifications notifications;
  private final BuyingLimits limits;
  private final MilestonePayments milestonePayments;
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
      MilestonePayments milestonePayments,
      DealEventRepository events,
      Clock clock) {
    this.payments = payments;
    this.deals = deals;
    this.lifecycle = lifecycle;
    this.ledger = ledger;
    this.messages = messages;
    this.notifications = notifications;
    this.limits = limits;
    this.milestonePayments = milestonePayments;
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
    if (n.isSettled() && payment.getMilestoneSeq() != null && payment.markPaid(n.transactionId(), clock.instant())) {
      // A later milestone's own money (decision 46): held on the ledger, then its process hears of it (or it is refunded).
      ledger.recordMilestonePayment(payment.getDealId(), payment.getMilestoneSeq(), payment.getGrossAmount());
      milestonePayments.paymentConfirmed(payment.getDealId(), payment.getMilestoneSeq());
    } else if (n.isSettled() && payment.markPaid(n.transactionId(), clock.instant())) {
      // The deal row is locked by paymentConfirmed; reading it before that would hold a stale copy.
      if (lifecycle.paymentConfirmed(payment.getDealId())) {
        // In this transaction, through the engine outbox: the process hears of exactly the money the database holds.
        messages.publish(overLimit(payment.getDealId()) ? DealMessages.DEAL_CANCELLED : DealMessages.PAYMENT_RECEIVED, payment.getDealId());
      }
      ledger.recordPayment(payment.getDealId(), payment.getGrossAmount());
    } else if ("CLOSED".equals(outcome)) {
      payment.markExpired();
    } else if ("ALERT_AFTER_PAYMENT".equals(outcome)) {
      // No automatic ledger entry (decision 32): staff look at the provider's dashboard and decide.
      log.error("Provider {} reports {} ({}) for paid order {}: check the provider's dashboard", n.provider(), n.status(),
          n.providerStatus(), n.orderId());
      events.save(new DealEvent(payment.getDealId(), "PAYMENT_REVERSED_AT_PROVIDER", "payment-provider",
          n.provider() + " " + n.providerStatus(), clock.instant()));
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

  private String outcome(PaymentNotification n, Payment payment) {
    boolean paid = Payment.PAID.equals(payment.getStatus());
    if (n.isSettled()) {
      return paid ? "ALREADY_PAID" : "PAID";
    }
    if (n.status().isAfterPayment()) {
      return paid ? "ALERT_AFTER_PAYMENT" : "NOTED";
    }
    if (paid) {
      return n.status() == PaymentStatus.DENIED ? "ALERT_AFTER_PAYMENT" : "IGNORED_AFTER_PAYMENT";
    }
    if (n.isClosedUnpaid()) {
      if (payment.getChargeTransactionId() != null && n.transactionId() != null
          && !n.transactionId().equals(payment.getChargeTransactionId())) {
        return "IGNORED_OLD_CHARGE"; // a superseded charge closing says nothing about the current one
      }
      if (isOneChargeOfMany(payment) && clock.instant().isBefore(payment.getExpiresAt())) {
        return "CHARGE_CLOSED"; // the buyer may pick a method again until the payment deadline
      }
      return "CLOSED";
    }
    return "NOTED";
  }

  /** Midtrans: each method choice is one charge; only the payment deadline closes the payment. */
  private static boolean isOneChargeOfMany(Payment payment) {
    return payment.getMethod() != null && !PaymentMethod.INVOICE.code().equals(payment.getMethod());
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
