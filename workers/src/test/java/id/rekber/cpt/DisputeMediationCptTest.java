package id.rekber.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import id.rekber.dispute.DisputeStage;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * dispute-mediation and dispute-escalation on a Camunda runtime: every answer of the parties, every
 * silence by the CPT clock, every mediator decision through CPT's user-task API, the return with its
 * timers, the reminder and the escalation to an admin (the child process), and a dispute rebuilt at its
 * stored stage. Skipped unless {@code REKBER_CPT_RUNTIME} names a runtime ({@link CptRuntimeCondition}).
 */
@CptTest
class DisputeMediationCptTest {
  static final String REASON = "the evidence shows what happened";

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext cpt;
  CptWorkers workers;
  String dealId;

  @BeforeAll
  static void slowerSearch() {
    CamundaAssert.setAssertionTimeout(Duration.ofSeconds(30));
  }

  @BeforeEach
  void mockWorkers() {
    workers = new CptWorkers(cpt, client);
    workers.disputes();
    workers.taskListeners();
    dealId = "RB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  ProcessInstanceEvent open() {
    ProcessInstanceEvent dispute = client.newCreateInstanceCommand().bpmnProcessId("dispute-mediation").latestVersion()
        .variables(Map.of("dealId", dealId)).send().join();
    assertThatProcessInstance(dispute).hasCompletedElements("Task_SellerResponseStage")
        .isWaitingForMessage("DisputeSellerResponded", dealId);
    return dispute;
  }

  ProcessInstanceEvent inMediation() {
    ProcessInstanceEvent dispute = open();
    workers.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "CONTEST"));
    awaitMediator(dispute);
    return dispute;
  }

  void awaitMediator(ProcessInstanceEvent dispute) {
    assertThatProcessInstance(dispute).hasCompletedElements("Task_MediationStage").hasActiveElements("Task_MediatorDecision");
    assertThatUserTask(byElementId("Task_MediatorDecision", dispute.getProcessInstanceKey())).isCreated()
        .hasCandidateGroup("mediator");
  }

  void settled(ProcessInstanceEvent dispute, String outcome) {
    assertThatProcessInstance(dispute).hasCompletedElements("Gateway_JoinOutcome", "Task_CloseDispute", "EndEvent_DisputeSettled")
        .hasVariable("disputeOutcome", outcome).hasNoActiveIncidents().isCompleted();
  }

  void decide(ProcessInstanceEvent dispute, Map<String, Object> decision) {
    cpt.completeUserTask(byElementId("Task_MediatorDecision", dispute.getProcessInstanceKey()), decision);
  }

  // ------------------------------------------------------------------ the parties

  @Test
  void sellerAcceptsTheRefund() {
    ProcessInstanceEvent dispute = open();
    workers.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "ACCEPT_REFUND"));
    assertThatProcessInstance(dispute).hasCompletedElements("Event_SellerResponded", "Script_RefundAgreed")
        .hasNotActivatedElements("Task_MediationStage");
    settled(dispute, "REFUND");
  }

  ProcessInstanceEvent offered() {
    ProcessInstanceEvent dispute = open();
    workers.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "OFFER", "buyerAmount", 60_000, "sellerAmount", 140_000));
    assertThatProcessInstance(dispute).hasCompletedElements("Task_BuyerAnswerStage").isWaitingForMessage("DisputeOfferAnswered", dealId);
    return dispute;
  }

  @Test
  void theBuyerAcceptsTheSellersOffer() {
    ProcessInstanceEvent dispute = offered();
    workers.publish("DisputeOfferAnswered", dealId, Map.of("offerAnswer", "ACCEPT"));
    assertThatProcessInstance(dispute).hasCompletedElements("Script_SplitAgreed").hasNotActivatedElements("Task_MediationStage")
        .hasVariable("buyerAmount", 60_000).hasVariable("sellerAmount", 140_000);
    settled(dispute, "SPLIT");
  }

  @Test
  void theBuyerRejectsTheOfferSoAMediatorDecides() {
    ProcessInstanceEvent dispute = offered();
    workers.publish("DisputeOfferAnswered", dealId, Map.of("offerAnswer", "REJECT"));
    assertThatProcessInstance(dispute).hasNotActivatedElements("Script_SplitAgreed");
    awaitMediator(dispute);
  }

  @Test
  void aSilentSellerCountsAsContest() {
    ProcessInstanceEvent dispute = open();
    cpt.increaseTime(DisputeStage.SELLER_RESPONSE.window().plusMinutes(1));
    assertThatProcessInstance(dispute).hasCompletedElements("Event_SellerSilent").hasNotActivatedElements("Gateway_SellerAnswer");
    awaitMediator(dispute);
  }

  @Test
  void aSilentBuyerCountsAsRejection() {
    ProcessInstanceEvent dispute = offered();
    cpt.increaseTime(DisputeStage.BUYER_ANSWER.window().plusMinutes(1));
    assertThatProcessInstance(dispute).hasCompletedElements("Event_BuyerSilent").hasNotActivatedElements("Script_SplitAgreed");
    awaitMediator(dispute);
  }

  // ------------------------------------------------------------------ the mediator

  @ParameterizedTest
  @ValueSource(strings = {"RELEASE", "REFUND", "SPLIT"})
  void theMediatorsDecisionIsTheOutcome(String outcome) {
    ProcessInstanceEvent dispute = inMediation();
    decide(dispute, Map.of("outcome", outcome, "buyerAmount", 10, "sellerAmount", 20, "reason", REASON));
    assertThatUserTask(byElementId("Task_MediatorDecision", dispute.getProcessInstanceKey())).isCompleted();
    assertThatProcessInstance(dispute).hasCompletedElements("Script_TakeDecision").hasNotActivatedElements("Task_ReturnStage");
    settled(dispute, outcome);
  }

  @Test
  void aReminderBeforeTheSlaThenTheEscalationToAnAdminInItsOwnProcess() {
    ProcessInstanceEvent dispute = inMediation();

    cpt.increaseTime(DisputeStage.MEDIATION.window().minus(DisputeStage.REMINDER_BEFORE_SLA).plusMinutes(1));
    assertThatProcessInstance(dispute).hasCompletedElements("Event_MediationReminder", "Task_RemindMediators", "EndEvent_Reminded")
        .hasActiveElements("Task_MediatorDecision");

    cpt.increaseTime(DisputeStage.REMINDER_BEFORE_SLA);
    assertThatProcessInstance(dispute).hasCompletedElements("Event_MediationOverdue", "Task_EscalationStage")
        .hasTerminatedElements("Task_MediatorDecision").hasActiveElements("Task_DecideEscalation");
    assertThatUserTask(byElementId("Task_MediatorDecision", dispute.getProcessInstanceKey())).isCanceled();
    assertThatProcessInstance(ProcessInstanceSelectors.byParentProcessInstanceKey(dispute.getProcessInstanceKey()))
        .isActive().hasActiveElements("Task_AdminDecision").hasVariable("dealId", dealId);
    assertThatUserTask(byElementId("Task_AdminDecision")).isCreated().hasCandidateGroup("admin");

    cpt.completeUserTask(byElementId("Task_AdminDecision"),
        Map.of("outcome", "SPLIT", "buyerAmount", 70, "sellerAmount", 130, "reason", REASON));

    assertThatProcessInstance(ProcessInstanceSelectors.byParentProcessInstanceKey(dispute.getProcessInstanceKey()))
        .hasCompletedElements("EndEvent_Decided").isCompleted();
    assertThatProcessInstance(dispute).hasVariable("buyerAmount", 70).hasVariable("sellerAmount", 130);
    settled(dispute, "SPLIT");
  }

  // ------------------------------------------------------------------ the return

  ProcessInstanceEvent returning() {
    ProcessInstanceEvent dispute = inMediation();
    decide(dispute, Map.of("outcome", "RETURN", "reason", "goods go back before the refund"));
    assertThatProcessInstance(dispute).hasCompletedElements("Task_ReturnStage").hasNotActivatedElements("Script_TakeDecision")
        .isWaitingForMessage("DisputeReturnShipped", dealId);
    return dispute;
  }

  @Test
  void aReturnConfirmedByTheSellerIsRefunded() {
    ProcessInstanceEvent dispute = returning();
    workers.publish("DisputeReturnShipped", dealId);
    assertThatProcessInstance(dispute).hasCompletedElements("Task_ReturnTransitStage").isWaitingForMessage("DisputeReturnReceived", dealId);
    workers.publish("DisputeReturnReceived", dealId);
    assertThatProcessInstance(dispute).hasCompletedElements("Event_ReturnReceived", "Script_RefundAfterReturn");
    settled(dispute, "REFUND");
  }

  @Test
  void aShippedReturnIsConfirmedAutomaticallyAfterFiveDays() {
    ProcessInstanceEvent dispute = returning();
    workers.publish("DisputeReturnShipped", dealId);
    assertThatProcessInstance(dispute).isWaitingForMessage("DisputeReturnReceived", dealId);
    cpt.increaseTime(DisputeStage.RETURN_IN_TRANSIT.window().plusMinutes(1));
    assertThatProcessInstance(dispute).hasCompletedElements("Event_ReturnAutoConfirmed", "Script_RefundAfterReturn");
    settled(dispute, "REFUND");
  }

  @Test
  void aReturnNotShippedInTimeReleasesToTheSeller() {
    ProcessInstanceEvent dispute = returning();
    cpt.increaseTime(DisputeStage.RETURN_SHIPPING.window().plusMinutes(1));
    assertThatProcessInstance(dispute).hasCompletedElements("Event_ReturnMissed", "Script_ReleaseAfterMissedReturn")
        .hasNotActivatedElements("Task_ReturnTransitStage");
    settled(dispute, "RELEASE");
  }

  // ------------------------------------------------------------------ rebuilt from PostgreSQL

  @ParameterizedTest
  @CsvSource({
    "BUYER_ANSWER, Gateway_AwaitBuyer",
    "MEDIATION, Task_MediatorDecision",
    "ESCALATED, Task_DecideEscalation",
    "RETURN_SHIPPING, Gateway_AwaitReturn",
    "RETURN_IN_TRANSIT, Gateway_AwaitReturnReceipt"
  })
  void aRebuiltDisputeGoesOnAtItsStoredStage(String stage, String waitingAt) {
    workers.resumePoint = Map.of("disputeResumeStage", stage);
    ProcessInstanceEvent dispute = client.newCreateInstanceCommand().bpmnProcessId("dispute-mediation").latestVersion()
        .variables(Map.of("dealId", dealId)).send().join();
    assertThatProcessInstance(dispute).hasCompletedElements("Task_FindResumePoint", "Gateway_ResumeAt").hasActiveElements(waitingAt)
        .hasNotActivatedElements("Task_SellerResponseStage");
  }

  @Test
  void aRebuiltDisputeThatWasAlreadyDecidedIsClosedWithItsOutcome() {
    workers.resumePoint = Map.of("disputeResumeStage", "RESOLVED", "disputeOutcome", "REFUND");
    ProcessInstanceEvent dispute = client.newCreateInstanceCommand().bpmnProcessId("dispute-mediation").latestVersion()
        .variables(Map.of("dealId", dealId)).send().join();
    assertThatProcessInstance(dispute).hasNotActivatedElements("Task_SellerResponseStage");
    settled(dispute, "REFUND");
  }
}
