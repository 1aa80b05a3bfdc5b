package id.rekber.payment;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import id.rekber.escrow.DealEvent;
import id.rekber.escrow.DealEventRepository;
import id.rekber.escrow.DealMessages;
import id.rekber.ledger.EscrowLedger;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies verified payout callbacks: a completed payout settles the payable on the ledger, once; a
 * failed payout goes to the admin inbox through the process. A result for a payout that already
 * finished is ignored.
 */
@Service
public class PayoutResults {
  @ModelReference(Kind.MESSAGE)
  public static final String PAYOUT_COMPLETED = "PayoutCompleted";
  @ModelReference(Kind.MESSAGE)
  public static final String PAYOUT_FAILED = "PayoutFailed";

  private final PayoutRepository payouts;
  private final EscrowLedger ledger;
  private final DealMessages messages;
  private final ProviderNotifications notifications;
  private final DealEventRepository events;
  private final Clock clock;

  PayoutResults(
      PayoutRepository payouts,
      EscrowLedger ledger,
      DealMessages messages,
      ProviderNotifications notifications,
      DealEventRepository events,
      Clock clock) {
    this.payouts = payouts;
    this.ledger = ledger;
    this.messages = messages;
    this.notifications = notifications;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public String handle(PayoutNotification n) {
    Payout payout = payouts.findForUpdate(n.payoutId()).orElseThrow(() -> Refusal.notFound("payout.unknown", n.payoutId()));
    if (n.amount() != payout.getAmount()) {
      throw Refusal.invalid("payment.wrong-amount", n.amount(), payout.getAmount());
    }
    boolean fresh = notifications.recordFirst(n.provider(), n.notificationId(), "PAYOUT", n.payoutId(), n.status().name(), "RECEIVED");
    if (fresh) {
      boolean changed =
          switch (n.status()) {
            case COMPLETED -> payout.complete(n.transactionId(), clock.instant());
            case FAILED -> payout.fail(n.reason() == null ? "unknown" : n.reason(), clock.instant());
          };
      if (changed && Payout.COMPLETED.equals(payout.getStatus())) {
        ledger.recordPayout(payout.getId(), payout.getDealId(), payout.getPurpose().payable(), payout.getAmount());
      }
      if (changed) {
        String detail = payout.getId() + (payout.getFailureReason() == null ? "" : ": " + payout.getFailureReason());
        events.save(new DealEvent(payout.getDealId(), "PAYOUT_" + payout.getStatus(), "payment-provider", detail, clock.instant()));
      }
    }
    announce(payout, ""); // through the engine outbox, in this transaction
    return fresh ? payout.getStatus() : "DUPLICATE";
  }

  /**
   * Tells the waiting payout process the result. The callback's announcement has the plain message
   * id, so repeated callbacks are dropped; a repeat for a redelivered job or a rebuilt instance
   * names its occasion, because the engine correlates one message id once per process.
   */
  void announce(Payout payout, String occasion) {
    String suffix = occasion.isEmpty() ? "" : ":" + occasion;
    switch (payout.getStatus()) {
      case Payout.COMPLETED ->
          messages.publish(PAYOUT_COMPLETED, payout.getId(), PAYOUT_COMPLETED + ":" + payout.getId() + suffix, Map.of());
      case Payout.FAILED ->
          messages.publish(
              PAYOUT_FAILED,
              payout.getId(),
              PAYOUT_FAILED + ":" + payout.getId() + suffix,
              Map.of("payoutFailureReason", payout.getFailureReason()));
      default -> {}
    }
  }

}
