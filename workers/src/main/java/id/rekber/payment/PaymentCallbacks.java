package id.rekber.payment;

import id.rekber.escrow.BuyingLimits;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealEvent;
import id.rekber.escrow.DealEventRepository;
import id.rekber.escrow.DealLifecycle;
import id.rekber.escrow.DealMessages;
import id.rekber.escrow.DealRepository;
import id.rekber.escrow.DealStatus;
import id.rekber.ledger.EscrowLedger;
import id.rekber.platform.AfterCommit;
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

  /** Returns what was done, for the provider's logs and ours. */
  @Transactional
  public String handle(PaymentNotification n) {
    Payment payment =
        payments.findForUpdate(n.orderId()).orElseThrow(() -> Refusal.notFound("payment.unknown-order", n.orderId()));
    if (!"IDR".equals(n.currency())) {
      throw Refusal.invalid("payment.wrong-currency", n.currency());
    }
    if (n.grossAmount() != payment.getGrossAmount()) {
      throw Refusal.invalid("payment.wrong-amount", n.grossAmount(), payment.getGrossAmount());
    }
    String outcome = outcome(n, payment);
    if (!notifications.recordFirst(n.provider(), n.notificationId(), "PAYMENT", n.orderId(), n.providerStatus(), outcome)) {
      if (Payment.PAID.equals(payment.getStatus())) {
        // A retried callback may follow a crash between our commit and the message: say it again.
        tellProcessAfterCommit(payment.getDealId());
      }
      return "DUPLICATE";
    }
    if (n.isSettled() && payment.markPaid(n.transactionId(), clock.instant())) {
      // The deal row is locked by paymentConfirmed; reading it before that would hold a stale copy.
      if (lifecycle.paymentConfirmed(payment.getDealId())) {
        refuseIfOverLimit(payment.getDealId());
        tellProcessAfterCommit(payment.getDealId());
      }
      ledger.recordPayment(payment.getDealId(), payment.getGrossAmount());
    } else if (n.isClosedUnpaid()) {
      payment.markExpired();
    }
    return outcome;
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
  private void refuseIfOverLimit(String dealId) {
    Deal deal = deals.findById(dealId).orElseThrow();
    if (!limits.acceptsPayment(deal.getBuyerId(), dealId, deal.getPrice() + deal.getShippingCost())) {
      events.save(new DealEvent(dealId, OVER_LIMIT, "system", "buyer limit exceeded at payment", clock.instant()));
    }
  }

  private boolean refusedOverLimit(String dealId) {
    return events.findByDealIdOrderByIdAsc(dealId).stream().anyMatch(e -> OVER_LIMIT.equals(e.getType()));
  }

  /** After commit, so the process never hears of money the database does not hold. */
  private void tellProcessAfterCommit(String dealId) {
    AfterCommit.run(
        () -> {
          if (deals.findById(dealId).orElseThrow().getStatus() == DealStatus.MENUNGGU_PEMBAYARAN) {
            messages.publish(refusedOverLimit(dealId) ? DealMessages.DEAL_CANCELLED : DealMessages.PAYMENT_RECEIVED, dealId);
          }
        });
  }
}
