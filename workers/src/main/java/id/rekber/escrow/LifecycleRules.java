package id.rekber.escrow;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules of entering a lifecycle step, without the database: whether this is the first time
 * (a redelivered job must add no second timeline line), what the deal records, and whether money
 * that arrived during a cancellation must be refunded. {@link DealLifecycle} applies them to a
 * locked deal row; {@code LifecycleRulesTest} checks each rule.
 */
final class LifecycleRules {
  private LifecycleRules() {}

  /** Decided before anything is recorded, so a redelivered job adds no second timeline line. */
  static boolean isFirstEntry(DealStep step, Deal deal, boolean onceOnlyStepAlreadyRecorded) {
    return switch (step) {
      case INSPEKSI -> deal.getDeliveredAt() == null;
      case SELESAI, REFUND_PAID, SPLIT_PAID -> deal.getCompletedAt() == null;
      default -> step.isOnceOnly() ? !onceOnlyStepAlreadyRecorded : step.status().map(s -> s != deal.getStatus()).orElse(true);
    };
  }

  /** Records what the step means on the deal row (idempotent: a second call changes nothing). */
  static void apply(Deal deal, DealStep step, String reason, Shipment shipment, Instant now, Duration deliveryFallback) {
    switch (step) {
      case DANA_DITAHAN -> deal.recordFundsHeld(now);
      case DIKIRIM -> deal.recordShipment(shipment.courier(), shipment.trackingNumber(), now, deliveryFallback);
      case INSPEKSI -> deal.recordDelivery(now);
      case SELESAI, REFUND_PAID, SPLIT_PAID -> deal.recordCompletion(now);
      default -> {}
    }
    step.status().ifPresent(status -> {
      if (status != deal.getStatus()) {
        deal.moveTo(status, reason, now);
      }
    });
  }

  /**
   * Money arrived while the process was leaving the payment wait (expiry timer or a cancellation
   * won the race): the process ends without a refund path, so one must be started.
   */
  static boolean needsLateRefund(DealStep step, String reason, Deal deal, boolean firstEntry) {
    return firstEntry && step == DealStep.DIBATALKAN && !DealLifecycle.REASON_CANCELLED_AFTER_PAYMENT.equals(reason) && deal.getPaidAt() != null;
  }
}
