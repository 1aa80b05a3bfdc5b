package id.rekber.support;

import id.rekber.dispute.DisputeStage;
import id.rekber.support.ProcessHarness.Job;
import id.rekber.support.ProcessHarness.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;

/** Stand-ins for the application's workers that the processes' timers depend on. */
public final class ScriptedWorkers {
  public static final Duration PAYMENT_WINDOW = Duration.ofHours(24);
  public static final Duration SHIP_WINDOW = Duration.ofDays(3);
  public static final Duration DELIVERY_FALLBACK = Duration.ofDays(7);
  public static final Duration INSPECTION_WINDOW = Duration.ofDays(2);

  private ScriptedWorkers() {}

  /** A timer instant as the workers write it: ISO-8601, whole seconds, rounded up. */
  public static String timerDate(Instant instant) {
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    return (seconds.equals(instant) ? seconds : seconds.plusSeconds(1)).toString();
  }

  /** {@code payment-send-payout}: answers with the request id {@code PO-<payout instance key>}. */
  public static Function<Job, Outcome> sendPayout() {
    return job -> Outcome.complete(Map.of("payoutRequestId", payoutRequestId(job.processInstanceKey()), "payoutFailureReason", ""));
  }

  public static String payoutRequestId(long payoutInstanceKey) {
    return "PO-" + payoutInstanceKey;
  }

  /** {@code deal-status}: the deadlines the real worker returns after DANA_DITAHAN and DIKIRIM. */
  public static Function<Job, Outcome> dealStatus() {
    return job -> switch (job.header("status")) {
      case "DANA_DITAHAN" -> Outcome.complete(Map.of("shipDeadline", timerDate(job.now().plus(SHIP_WINDOW))));
      case "DIKIRIM" -> Outcome.complete(Map.of("deliveryFallbackAt", timerDate(job.now().plus(DELIVERY_FALLBACK))));
      default -> Outcome.complete();
    };
  }

  public static Function<Job, Outcome> createInvoice() {
    return job -> Outcome.complete(Map.of("paymentDeadline", timerDate(job.now().plus(PAYMENT_WINDOW))));
  }

  public static Function<Job, Outcome> startInspection() {
    return job -> Outcome.complete(Map.of("inspectionDeadline", timerDate(job.now().plus(INSPECTION_WINDOW))));
  }

  /** {@code dispute-stage}: the stage's deadline from {@link DisputeStage} and the reminder a day earlier. */
  public static Function<Job, Outcome> disputeStage() {
    return job -> {
      Instant deadline = job.now().plus(DisputeStage.valueOf(job.header("stage")).window());
      return Outcome.complete(Map.of(
          "stageDeadline", timerDate(deadline),
          "reminderAt", timerDate(deadline.minus(DisputeStage.REMINDER_BEFORE_SLA))));
    };
  }

  /** All of the above on one engine. */
  public static void install(ProcessHarness engine) {
    engine.onJob("deal-status", dealStatus())
        .onJob("payment-create-invoice", createInvoice())
        .onJob("deal-start-inspection", startInspection())
        .onJob("deal-close-inspection", job -> Outcome.complete(Map.of("buyerVerdict", "TIMED_OUT")))
        .onJob("payment-send-payout", sendPayout())
        .onJob("dispute-stage", disputeStage());
  }
}
