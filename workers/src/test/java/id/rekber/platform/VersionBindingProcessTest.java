package id.rekber.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.InstanceAssert;
import id.rekber.support.ProcessHarness;
import id.rekber.support.ScriptedWorkers;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Call activities and linked forms are bound per deployment (decision 26): a deal keeps the payout
 * process and the forms that were deployed with the version it started on, even when the models are
 * deployed again with changes while it runs; a deal started afterwards gets the new ones. Each
 * deployment here is the whole model set, as {@link ModelDeployer} deploys it, with one file changed.
 */
class VersionBindingProcessTest {
  static ProcessHarness engine;
  static final Map<Long, String> payoutVariants = new ConcurrentHashMap<>();

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void scriptWorkers() {
    engine.resetScripts();
    ScriptedWorkers.install(engine);
    var sendPayout = ScriptedWorkers.sendPayout();
    engine.onJob("payment-send-payout", job -> {
      payoutVariants.put(job.processInstanceKey(), String.valueOf(job.header("variant")));
      return sendPayout.apply(job);
    });
  }

  @Test
  void aRunningDealCallsThePayoutProcessOfItsOwnDeployment() {
    DeploymentEvent v1 = engine.deployModels(Map.of("payout.bpmn", payoutMarked("v1")));
    String oldDeal = newDealId();
    long old = startDeal(oldDeal);
    assertThat(engine.assertThat(old).processDefinitionKey()).isEqualTo(processKey(v1, "escrow-lifecycle"));

    DeploymentEvent v2 = engine.deployModels(Map.of("payout.bpmn", payoutMarked("v2")));
    assertThat(processKey(v2, "payout")).isNotEqualTo(processKey(v1, "payout"));
    // Every resource of a changed deployment gets a new version, so v2's escrow-lifecycle calls v2's payout.
    assertThat(processKey(v2, "escrow-lifecycle")).isNotEqualTo(processKey(v1, "escrow-lifecycle"));

    InstanceAssert oldPayout = releaseToSeller(old, oldDeal);
    assertThat(oldPayout.processDefinitionKey()).isEqualTo(processKey(v1, "payout"));
    assertThat(payoutVariants.get(oldPayout.key())).isEqualTo("v1");

    String newDeal = newDealId();
    long fresh = startDeal(newDeal);
    assertThat(engine.assertThat(fresh).processDefinitionKey()).isEqualTo(processKey(v2, "escrow-lifecycle"));
    InstanceAssert newPayout = releaseToSeller(fresh, newDeal);
    assertThat(newPayout.processDefinitionKey()).isEqualTo(processKey(v2, "payout"));
    assertThat(payoutVariants.get(newPayout.key())).isEqualTo("v2");
  }

  @Test
  void aRunningDisputeShowsTheDecisionFormOfItsOwnDeployment() {
    DeploymentEvent v1 = engine.deployModels(Map.of("mediator-decision.form", formMarked(1)));
    String oldDeal = newDealId();
    long old = engine.startInstance("dispute-mediation", Map.of("dealId", oldDeal));

    DeploymentEvent v2 = engine.deployModels(Map.of("mediator-decision.form", formMarked(2)));
    assertThat(formKey(v2, "mediator-decision")).isNotEqualTo(formKey(v1, "mediator-decision"));

    engine.publish("DisputeSellerResponded", oldDeal, Map.of("sellerResponse", "CONTEST"));
    assertThat(engine.userTask(old, "Task_MediatorDecision").header("io.camunda.zeebe:formKey"))
        .isEqualTo(Long.toString(formKey(v1, "mediator-decision")));

    String newDeal = newDealId();
    long fresh = engine.startInstance("dispute-mediation", Map.of("dealId", newDeal));
    engine.publish("DisputeSellerResponded", newDeal, Map.of("sellerResponse", "CONTEST"));
    assertThat(engine.userTask(fresh, "Task_MediatorDecision").header("io.camunda.zeebe:formKey"))
        .isEqualTo(Long.toString(formKey(v2, "mediator-decision")));
  }

  // ------------------------------------------------------------------ helpers

  private static String newDealId() {
    return "RB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private long startDeal(String dealId) {
    long deal = engine.startInstance("escrow-lifecycle",
        Map.of("dealId", dealId, "acceptDeadline", ScriptedWorkers.timerDate(engine.now().plus(Duration.ofDays(3)))));
    engine.assertThat(deal).isWaitingAt("Gateway_AwaitCounterparty");
    return deal;
  }

  /** Accepted, paid, shipped, goods accepted on arrival: the release calls the payout process. */
  private InstanceAssert releaseToSeller(long deal, String dealId) {
    engine.publish("DealAccepted", dealId);
    engine.publish("PaymentReceived", dealId);
    engine.publish("GoodsShipped", dealId, Map.of("courier", "JNE", "trackingNumber", "JNE123456"));
    engine.publish("GoodsAccepted", dealId);
    return engine.assertThat(deal).calledBy("Task_PayOutToSeller").isWaitingAt("Gateway_AwaitPayoutResult");
  }

  /** payout.bpmn with a task header on "Send payout" that tells the versions apart. */
  private static String payoutMarked(String variant) {
    String model = ProcessHarness.modelText("payout.bpmn");
    String task = "<zeebe:taskDefinition type=\"payment-send-payout\" retries=\"5\" />";
    assertThat(model).contains(task);
    return model.replace(task, task + "<zeebe:taskHeaders><zeebe:header key=\"variant\" value=\"" + variant + "\" /></zeebe:taskHeaders>");
  }

  /** The form with trailing blanks: another checksum, so another version; the schema is the same. */
  private static String formMarked(int blanks) {
    return ProcessHarness.modelText("mediator-decision.form").stripTrailing() + "\n" + " ".repeat(blanks + 1) + "\n";
  }

  private static long processKey(DeploymentEvent deployment, String processId) {
    return deployment.getProcesses().stream().filter(p -> p.getBpmnProcessId().equals(processId)).findFirst()
        .map(Process::getProcessDefinitionKey).orElseThrow(() -> new AssertionError(processId + " not in deployment"));
  }

  private static long formKey(DeploymentEvent deployment, String formId) {
    return deployment.getForm().stream().filter(f -> f.getFormId().equals(formId)).findFirst()
        .map(Form::getFormKey).orElseThrow(() -> new AssertionError(formId + " not in deployment"));
  }
}
