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
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PayoutResults.class);
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
            case COMPLETED -> payout.complete(n.transactionId(), clock.instant()) || conflict(payout, n);
            case FAILED -> payout.fail(n.reason() == null ? "unknown" : n.reason(), clock.instant());
            case PENDING -> noteOnly(payout, n);
            case REVERSED -> reversed(payout, n);
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

  /** Queued, approved, at the bank: the provider's word is kept, nothing else changes. */
  private static boolean noteOnly(Payout payout, PayoutNotification n) {
    if (Payout.REQUESTED.equals(payout.getStatus())) {
      payout.noteProviderStatus(n.reason() == null ? "PENDING" : n.reason());
    }
    return false;
  }

  /**
   * A completion after we recorded a failure (an admin may already have sent a new attempt): never a
   * second PAYOUT entry automatically; staff are alerted.
   */
  private boolean conflict(Payout payout, PayoutNotification n) {
    if (Payout.FAILED.equals(payout.getStatus())) {
      log.error("Payout {} reported COMPLETED by {} after it was recorded FAILED: check for a double payout", payout.getId(), n.provider());
      events.save(new DealEvent(payout.getDealId(), "PAYOUT_RESULT_CONFLICT", "payment-provider", payout.getId(), clock.instant()));
    }
    return false;
  }

  /** Money came back after completion: alert only; a reversal ledger entry is a follow-up (decision 32). */
  private boolean reversed(Payout payout, PayoutNotification n) {
    log.error("Payout {} REVERSED by {}: the payee did not keep the money; check the provider's dashboard", payout.getId(), n.provider());
    events.save(new DealEvent(payout.getDealId(), "PAYOUT_REVERSED", "payment-provider", payout.getId(), clock.instant()));
    return false;
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
