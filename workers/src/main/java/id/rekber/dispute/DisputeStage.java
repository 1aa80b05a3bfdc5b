package id.rekber.dispute;

import id.rekber.escrow.DealStep;
import java.time.Duration;

/**
 * Where a dispute waits and for how long. The process sets each stage through the
 * {@code dispute-stage} job; its timers read the deadline computed here.
 */
public enum DisputeStage {
  OPENED(null, null),
  SELLER_RESPONSE(Duration.ofDays(2), DealStep.SENGKETA_TANGGAPAN_PENJUAL),
  BUYER_ANSWER(Duration.ofDays(2), DealStep.SENGKETA_JAWABAN_PEMBELI),
  MEDIATION(Duration.ofDays(3), DealStep.SENGKETA_MEDIASI),
  ESCALATED(Duration.ofDays(3), DealStep.SENGKETA_ESKALASI),
  RETURN_SHIPPING(Duration.ofDays(5), DealStep.SENGKETA_RETUR),
  RETURN_IN_TRANSIT(Duration.ofDays(5), DealStep.SENGKETA_RETUR_DIKIRIM),
  RESOLVED(null, DealStep.SENGKETA_SELESAI);

  /** Mediators are reminded this long before the SLA ends, then the task goes to admins. */
  public static final Duration REMINDER_BEFORE_SLA = Duration.ofDays(1);

  private final Duration window;
  private final DealStep step;

  DisputeStage(Duration window, DealStep step) {
    this.window = window;
    this.step = step;
  }

  public Duration window() {
    return window;
  }

  public DealStep step() {
    return step;
  }
}
