package id.rekber.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.InstanceAssert;
import id.rekber.support.ProcessHarness;
import id.rekber.support.ScriptedWorkers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * processes/dispute-mediation.bpmn on its own engine and clock: every seller answer, every offer
 * answer, every mediator decision including the return, each stage timer, the mediator reminder and
 * the escalation to an admin. {@code dispute-stage} is scripted with the windows of {@link DisputeStage}.
 */
class DisputeMediationProcessTest {
  static ProcessHarness engine;

  String dealId;
  static final Map<Long, List<String>> stages = new java.util.concurrent.ConcurrentHashMap<>();

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
    dealId = "RB-" + UUID.randomUUID();
    var stage = ScriptedWorkers.disputeStage();
    engine.onJob("dispute-stage", job -> {
      stages.computeIfAbsent(job.processInstanceKey(), k -> new ArrayList<>()).add(job.header("stage"));
      return stage.apply(job);
    });
  }

  long open() {
    long dispute = engine.startInstance(DisputeCaseContext.PROCESS_ID, Map.of("dealId", dealId));
    engine.assertThat(dispute).hasPassed("Task_SellerResponseStage").isWaitingAt("Gateway_AwaitSeller")
        .hasActiveTimers("Event_SellerSilent");
    return dispute;
  }

  long inMediation() {
    long dispute = open();
    engine.publish(DisputeMessages.SELLER_RESPONDED, dealId, Map.of("sellerResponse", "CONTEST"));
    engine.assertThat(dispute).isWaitingAt("Task_MediatorDecision")
        .hasActiveTimers("Event_MediationReminder", "Event_MediationOverdue");
    return dispute;
  }

  void settledWith(long dispute, String outcome) {
    engine.assertThat(dispute).hasPassed("Gateway_JoinOutcome", "Task_CloseDispute").endedAt("EndEvent_DisputeSettled")
        .hasVariable("disputeOutcome", outcome).hasNoIncidents();
  }

  // ------------------------------------------------------------------ seller's answer

  @Test
  void sellerAcceptsTheRefund() {
    long dispute = open();
    engine.publish(DisputeMessages.SELLER_RESPONDED, dealId, Map.of("sellerResponse", "ACCEPT_REFUND"));
    engine.assertThat(dispute).hasPassed("Event_SellerResponded", "Script_RefundAgreed").hasNotEntered("Task_MediationStage");
    settledWith(dispute, "REFUND");
    assertThat(stages.get(dispute)).containsExactly("SELLER_RESPONSE");
  }

  @Test
  void sellerOffersAndTheBuyerAcceptsTheSplit() {
    long dispute = open();
    engine.publish(DisputeMessages.SELLER_RESPONDED, dealId,
        Map.of("sellerResponse", "OFFER", "buyerAmount", 60_000, "sellerAmount", 140_000));
    engine.assertThat(dispute).hasPassed("Task_BuyerAnswerStage").isWaitingAt("Gateway_AwaitBuyer").hasActiveTimers("Event_BuyerSilent");

    engine.publish(DisputeMessages.OFFER_ANSWERED, dealId, Map.of("offerAnswer", "ACCEPT"));

    engine.assertThat(dispute).hasPassed("Event_OfferAnswered", "Script_SplitAgreed").hasNotEntered("Task_MediationStage")
        .hasVariable("buyerAmount", 60000).hasVariable("sellerAmount", 140000);
    settledWith(dispute, "SPLIT");
    assertThat(stages.get(dispute)).containsExactly("SELLER_RESPONSE", "BUYER_ANSWER");
  }

  @Test
  void buyerRejectsTheOfferSoAMediatorDecides() {
    long dispute = open();
    engine.publish(DisputeMessages.SELLER_RESPONDED, dealId, Map.of("sellerResponse", "OFFER", "buyerAmount", 1, "sellerAmount", 2));
    engine.publish(DisputeMessages.OFFER_ANSWERED, dealId, Map.of("offerAnswer", "REJECT"));
    engine.assertThat(dispute).hasPassed("Gateway_OfferAccepted", "Task_MediationStage").hasNotEntered("Script_SplitAgreed")
        .isWaitingAt("Task_MediatorDecision");
  }

  @Test
  void sellerContestsSoAMediatorDecides() {
    long dispute = inMediation();
    engine.assertThat(dispute).hasPassed("Gateway_SellerAnswer", "Gateway_JoinMediation", "Task_MediationStage");
    assertThat(stages.get(dispute)).containsExactly("SELLER_RESPONSE", "MEDIATION");
  }

  // ------------------------------------------------------------------ silence

  @Test
  void aSilentSellerCountsAsContest() {
    long dispute = open();
    engine.advance(DisputeStage.SELLER_RESPONSE.window().minusMinutes(1));
    engine.assertThat(dispute).isWaitingAt("Gateway_AwaitSeller");

    engine.advance(Duration.ofMinutes(2));
    engine.assertThat(dispute).hasTriggeredTimer("Event_SellerSilent").hasNotEntered("Gateway_SellerAnswer")
        .isWaitingAt("Task_MediatorDecision");
  }

  @Test
  void aSilentBuyerCountsAsRejection() {
    long dispute = open();
    engine.publish(DisputeMessages.SELLER_RESPONDED, dealId, Map.of("sellerResponse", "OFFER", "buyerAmount", 1, "sellerAmount", 2));
    engine.assertThat(dispute).hasActiveTimers("Event_BuyerSilent");

    engine.advance(DisputeStage.BUYER_ANSWER.window().plusSeconds(2));

    engine.assertThat(dispute).hasTriggeredTimer("Event_BuyerSilent").hasNotEntered("Script_SplitAgreed")
        .isWaitingAt("Task_MediatorDecision");
  }

  // ------------------------------------------------------------------ the mediator

  @Test
  void theMediatorTaskIsForMediatorsWithTheDecisionFormAndTheStageDeadline() {
    long dispute = inMediation();
    ProcessHarness.Job task = engine.userTask(dispute, "Task_MediatorDecision");
    assertThat(task.header("io.camunda.zeebe:candidateGroups")).contains("mediator");
    assertThat(task.header("io.camunda.zeebe:formKey")).isNotBlank();
    assertThat(task.header("io.camunda.zeebe:dueDate")).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RELEASE", "REFUND", "SPLIT"})
  void theMediatorsDecisionIsTheOutcome(String outcome) {
    long dispute = inMediation();
    engine.completeUserTask(dispute, "Task_MediatorDecision",
        Map.of("outcome", outcome, "buyerAmount", 10, "sellerAmount", 20, "reason", "the evidence shows what happened"));
    engine.assertThat(dispute).hasPassed("Gateway_DecisionKind", "Script_TakeDecision").hasNotEntered("Task_ReturnStage")
        .hasActiveTimers();
    settledWith(dispute, outcome);
  }

  @Test
  void aReminderOneDayBeforeTheSlaLeavesTheTaskOpenThenItEscalatesToAnAdmin() {
    long dispute = inMediation();

    engine.advance(DisputeStage.MEDIATION.window().minus(DisputeStage.REMINDER_BEFORE_SLA).plusSeconds(2));
    engine.assertThat(dispute).hasTriggeredTimer("Event_MediationReminder")
        .hasPassed("Task_RemindMediators", "EndEvent_Reminded")
        .isWaitingAt("Task_MediatorDecision").hasActiveTimers("Event_MediationOverdue");

    engine.advance(DisputeStage.REMINDER_BEFORE_SLA);
    engine.assertThat(dispute).hasTriggeredTimer("Event_MediationOverdue")
        .hasPassed("Task_EscalationStage").isWaitingAt("Task_DecideEscalation");
    long escalation = engine.assertThat(dispute).calledBy("Task_DecideEscalation").isWaitingAt("Task_AdminDecision").key();
    ProcessHarness.Job task = engine.userTask(escalation, "Task_AdminDecision");
    assertThat(task.bpmnProcessId()).isEqualTo(DisputeCaseContext.ESCALATION_PROCESS_ID);
    assertThat(task.header("io.camunda.zeebe:candidateGroups")).contains("admin").doesNotContain("mediator");
    assertThat(task.header("io.camunda.zeebe:formKey")).isNotBlank();
    assertThat(task.header("io.camunda.zeebe:dueDate")).isNotBlank();
    assertThat(stages.get(dispute)).containsExactly("SELLER_RESPONSE", "MEDIATION", "ESCALATED");

    engine.completeUserTask(escalation, "Task_AdminDecision", Map.of("outcome", "RELEASE", "reason", "the admin decided on the evidence"));
    engine.assertThat(escalation).endedAt("EndEvent_Decided");
    engine.assertThat(dispute).hasVariable("outcome", "RELEASE").hasVariable("reason", "the admin decided on the evidence");
    settledWith(dispute, "RELEASE");
  }

  @Test
  void theEscalationGetsOnlyWhatTheAdminNeedsAndReturnsTheSplit() {
    long dispute = open();
    engine.publish(DisputeMessages.SELLER_RESPONDED, dealId, Map.of("sellerResponse", "OFFER", "buyerAmount", 1, "sellerAmount", 2));
    engine.publish(DisputeMessages.OFFER_ANSWERED, dealId, Map.of("offerAnswer", "REJECT", "note", "a note that stays with mediation"));
    engine.advance(DisputeStage.MEDIATION.window().plusSeconds(2));
    InstanceAssert escalation = engine.assertThat(dispute).calledBy("Task_DecideEscalation").isWaitingAt("Task_AdminDecision");
    escalation.hasVariable("dealId", dealId).hasVariable("sellerResponse", "OFFER").hasVariable("offerAnswer", "REJECT")
        .hasVariable("buyerAmount", 1).hasVariable("sellerAmount", 2);
    assertThat(escalation.variable("note")).isNull();
    assertThat(escalation.variable("reminderAt")).isNull();

    engine.completeUserTask(escalation.key(), "Task_AdminDecision",
        Map.of("outcome", "SPLIT", "buyerAmount", 70, "sellerAmount", 130, "reason", "both sides share the loss"));

    engine.assertThat(dispute).hasVariable("buyerAmount", 70).hasVariable("sellerAmount", 130);
    settledWith(dispute, "SPLIT");
  }

  // ------------------------------------------------------------------ return shipping

  long returning() {
    long dispute = inMediation();
    engine.completeUserTask(dispute, "Task_MediatorDecision", Map.of("outcome", "RETURN", "reason", "goods go back before the refund"));
    engine.assertThat(dispute).hasPassed("Gateway_DecisionKind", "Task_ReturnStage").hasNotEntered("Script_TakeDecision")
        .isWaitingAt("Gateway_AwaitReturn").hasActiveTimers("Event_ReturnMissed");
    return dispute;
  }

  @Test
  void aReturnConfirmedByTheSellerIsRefunded() {
    long dispute = returning();
    engine.publish(DisputeMessages.RETURN_SHIPPED, dealId);
    engine.assertThat(dispute).hasPassed("Event_ReturnShipped", "Task_ReturnTransitStage")
        .isWaitingAt("Gateway_AwaitReturnReceipt").hasActiveTimers("Event_ReturnAutoConfirmed");

    engine.publish(DisputeMessages.RETURN_RECEIVED, dealId);

    engine.assertThat(dispute).hasPassed("Event_ReturnReceived", "Script_RefundAfterReturn");
    settledWith(dispute, "REFUND");
    assertThat(stages.get(dispute)).containsExactly("SELLER_RESPONSE", "MEDIATION", "RETURN_SHIPPING", "RETURN_IN_TRANSIT");
  }

  @Test
  void aShippedReturnIsConfirmedAutomaticallyAfterFiveDays() {
    long dispute = returning();
    engine.publish(DisputeMessages.RETURN_SHIPPED, dealId);

    engine.advance(DisputeStage.RETURN_IN_TRANSIT.window().plusSeconds(2));

    engine.assertThat(dispute).hasTriggeredTimer("Event_ReturnAutoConfirmed").hasPassed("Script_RefundAfterReturn");
    settledWith(dispute, "REFUND");
  }

  @Test
  void aReturnNotShippedInTimeReleasesToTheSeller() {
    long dispute = returning();

    engine.advance(DisputeStage.RETURN_SHIPPING.window().plusSeconds(2));

    engine.assertThat(dispute).hasTriggeredTimer("Event_ReturnMissed").hasPassed("Script_ReleaseAfterMissedReturn")
        .hasNotEntered("Task_ReturnTransitStage");
    settledWith(dispute, "RELEASE");
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
    engine.onJob("dispute-resume-point", ProcessHarness.Outcome.complete(Map.of("disputeResumeStage", stage)));

    long dispute = engine.startInstance(DisputeCaseContext.PROCESS_ID, Map.of("dealId", dealId));

    engine.assertThat(dispute).hasPassed("Task_FindResumePoint", "Gateway_ResumeAt").isWaitingAt(waitingAt)
        .hasNotEntered("Task_SellerResponseStage");
    assertThat(stages.get(dispute)).containsExactly(stage);
  }

  @Test
  void aRebuiltDisputeThatWasAlreadyDecidedIsClosedWithItsOutcome() {
    engine.onJob("dispute-resume-point",
        ProcessHarness.Outcome.complete(Map.of("disputeResumeStage", "RESOLVED", "disputeOutcome", "REFUND")));

    long dispute = engine.startInstance(DisputeCaseContext.PROCESS_ID, Map.of("dealId", dealId));

    settledWith(dispute, "REFUND");
    engine.assertThat(dispute).hasNotEntered("Task_SellerResponseStage");
    assertThat(stages.get(dispute)).isNull();
  }
}
