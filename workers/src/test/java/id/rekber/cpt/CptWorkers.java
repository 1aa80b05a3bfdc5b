package id.rekber.cpt;

import id.rekber.dispute.DisputeStage;
import id.rekber.support.ScriptedWorkers;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The application's job workers need its PostgreSQL; in the process tests they are CPT job-worker
 * mocks that answer like the real ones (the deadlines from the CPT clock, with the windows the real
 * workers use, as {@link ScriptedWorkers} does for the embedded-engine tests).
 */
final class CptWorkers {
  private final CamundaProcessTestContext cpt;
  private final CamundaClient client;
  /** What "Find where the dispute stands" answers; empty for a new dispute (the seller's response first). */
  volatile Map<String, Object> resumePoint = Map.of();
  /** The buyer's verdict "Close inspection" finds under the deal's lock (DISPUTED when a dispute won the race). */
  volatile String buyerVerdict = "TIMED_OUT";

  CptWorkers(CamundaProcessTestContext cpt, CamundaClient client) {
    this.cpt = cpt;
    this.client = client;
  }

  Instant now() {
    return cpt.getCurrentTime();
  }

  String in(Duration window) {
    return ScriptedWorkers.timerDate(now().plus(window));
  }

  /** Answers the job with variables computed from it. */
  void answer(String jobType, Function<ActivatedJob, Map<String, Object>> variables) {
    cpt.mockJobWorker(jobType).withHandler((JobClient jobs, ActivatedJob job) ->
        jobs.newCompleteCommand(job.getKey()).variables(variables.apply(job)).send().join());
  }

  void complete(String... jobTypes) {
    for (String type : jobTypes) {
      cpt.mockJobWorker(type).thenComplete();
    }
  }

  /** Every worker of the escrow lifecycle, the payout and dispute mediation. */
  void deals() {
    answer("deal-status", job -> switch (job.getCustomHeaders().getOrDefault("status", "")) {
      case "DANA_DITAHAN" -> Map.of("shipDeadline", in(ScriptedWorkers.SHIP_WINDOW));
      case "DIKIRIM" -> Map.of("deliveryFallbackAt", in(ScriptedWorkers.DELIVERY_FALLBACK));
      default -> Map.of();
    });
    answer("payment-create-invoice", job -> Map.of("paymentDeadline", in(ScriptedWorkers.PAYMENT_WINDOW)));
    answer("deal-start-inspection", job -> Map.of("inspectionDeadline", in(ScriptedWorkers.INSPECTION_WINDOW)));
    answer("deal-close-inspection", job -> Map.of("buyerVerdict", buyerVerdict));
    answer("payment-send-payout", job -> {
      Map<String, Object> vars = job.getVariablesAsMap();
      int attempt = vars.get("payoutRetryOf") == null ? 1 : 2; // the real worker: a new attempt only after the admin's retry
      return Map.of("payoutRequestId", payoutRequestId(String.valueOf(vars.get("dealId")), String.valueOf(vars.get("payoutPurpose")), attempt),
          "payoutFailureReason", "");
    });
    complete("ledger-release-funds", "ledger-refund-funds", "ledger-split-funds");
    answer("payment-four-eyes", job -> Map.of("fourEyesNeeded", false)); // the demo amounts are below the four-eyes limit
    disputes();
    taskListeners();
  }

  /** Every worker of dispute mediation and its escalation. */
  void disputes() {
    answer("dispute-stage", job -> {
      Instant deadline = now().plus(DisputeStage.valueOf(job.getCustomHeaders().get("stage")).window());
      return Map.of("stageDeadline", ScriptedWorkers.timerDate(deadline),
          "reminderAt", ScriptedWorkers.timerDate(deadline.minus(DisputeStage.REMINDER_BEFORE_SLA)));
    });
    answer("dispute-resume-point", job -> resumePoint);
    complete("dispute-remind", "dispute-close");
    answer("dispute-four-eyes", job -> Map.of("fourEyesNeeded", false));
  }

  /** The payout's id as {@code PayoutWorker} makes it: {@code PO-<deal id>-<purpose>-<attempt>}. */
  static String payoutRequestId(String dealId, String purpose, int attempt) {
    return "PO-" + dealId + "-" + purpose + "-" + attempt;
  }

  /**
   * Task listeners on the user tasks (creating, assigning, completing, canceling) are job workers of the
   * application; here each listener job is accepted, so a task is created and completed as in Tasklist.
   */
  void taskListeners() {
    taskListenerTypes().forEach(this::complete);
  }

  static Set<String> taskListenerTypes() {
    Set<String> types = new TreeSet<>();
    try {
      for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:/models/processes/*.bpmn")) {
        try (InputStream in = model.getInputStream()) {
          Bpmn.readModelFromStream(in).getModelElementsByType(ZeebeTaskListener.class).stream()
              .map(ZeebeTaskListener::getType).filter(t -> t != null && !t.startsWith("=")).forEach(types::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return types;
  }

  /** Publishes a message without time to live: the test waits for the subscription first. */
  void publish(String name, String correlationKey, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).timeToLive(Duration.ZERO)
        .variables(variables).send().join();
  }

  void publish(String name, String correlationKey) {
    publish(name, correlationKey, Map.of());
  }

  /**
   * A provider's payout result: buffered for a minute, since its correlation key (the payout id) is
   * unique and the payout process may not be waiting yet when the test sends it.
   */
  void payoutResult(String name, String payoutRequestId, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(name).correlationKey(payoutRequestId).timeToLive(Duration.ofMinutes(1))
        .variables(variables).send().join();
  }
}
