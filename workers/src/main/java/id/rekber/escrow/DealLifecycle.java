package id.rekber.escrow;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what the process decided to the deal row: status, deadlines, timeline and e-mails. Every
 * method is idempotent because the engine delivers jobs at least once.
 */
@Service
public class DealLifecycle {
  public static final String REASON_PAYMENT_EXPIRED = "PAYMENT_EXPIRED";
  public static final String REASON_LATE_PAYMENT = "LATE_PAYMENT";
  public static final String REASON_CANCELLED_AFTER_PAYMENT = "CANCELLED_AFTER_PAYMENT";

  private final DealRepository deals;
  private final DealEventRepository events;
  private final DealNotifications notifications;
  private final EscrowOrchestration orchestration;
  private final EscrowProperties properties;
  private final Clock clock;

  DealLifecycle(
      DealRepository deals,
      DealEventRepository events,
      DealNotifications notifications,
      EscrowOrchestration orchestration,
      EscrowProperties properties,
      Clock clock) {
    this.deals = deals;
    this.events = events;
    this.notifications = notifications;
    this.orchestration = orchestration;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Map<String, Object> enter(String dealId, DealStep step, String reason, Shipment shipment) {
    Deal deal = lock(dealId);
    Instant now = clock.instant();
    boolean firstEntry = LifecycleRules.isFirstEntry(step, deal, step.isOnceOnly() && events.existsByDealIdAndType(dealId, step.name()));
    LifecycleRules.apply(deal, step, reason, shipment, now, properties.deliveryFallback());
    if (firstEntry) {
      events.save(new DealEvent(dealId, step.name(), "system", reason, now));
    }
    notifications.announce(deal, step, reason);
    if (LifecycleRules.needsLateRefund(step, reason, deal, firstEntry)) {
      orchestration.refund(deal, REASON_LATE_PAYMENT);
    }
    return DealVariables.of(deal);
  }

  /**
   * Called in the payment callback's transaction once money for the deal is confirmed. Returns true
   * when the deal is waiting for it (the process should be told); otherwise the deal was already
   * closed and a refund is started.
   */
  @Transactional
  public boolean paymentConfirmed(String dealId) {
    Deal deal = lock(dealId);
    Instant now = clock.instant();
    boolean firstConfirmation = deal.getPaidAt() == null;
    deal.recordPayment(now);
    if (deal.getStatus() == DealStatus.MENUNGGU_PEMBAYARAN) {
      if (firstConfirmation) {
        events.save(new DealEvent(dealId, "PAYMENT_CONFIRMED", "payment-provider", null, now));
      }
      return true;
    }
    if (firstConfirmation) {
      events.save(new DealEvent(dealId, "LATE_PAYMENT", "payment-provider", deal.getStatus().name(), now));
      if (deal.getStatus() == DealStatus.DIBATALKAN) {
        orchestration.refund(deal, REASON_LATE_PAYMENT);
      }
    }
    return false;
  }

  @Transactional
  public BuyerVerdict closeInspection(String dealId) {
    return lock(dealId).recordVerdict(BuyerVerdict.TIMED_OUT);
  }

  @Transactional
  public void recordPaymentDeadline(String dealId, Instant deadline) {
    lock(dealId).recordPaymentDeadline(deadline);
  }

  private Deal lock(String dealId) {
    // Only the process and the payment callback come here, with deals they know exist.
    return deals.findForUpdate(dealId).orElseThrow(() -> new IllegalStateException("no deal " + dealId));
  }
}
