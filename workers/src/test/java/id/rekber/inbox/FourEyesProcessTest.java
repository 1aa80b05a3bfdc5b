package id.rekber.inbox;

import static id.rekber.support.ProcessHarness.Outcome.complete;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.InstanceAssert;
import id.rekber.support.ProcessHarness;
import id.rekber.support.ScriptedWorkers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on money (decision 38) on the embedded engine: a refund or split above the limit, a
 * payout retry above the limit and a blocklist removal each wait for money-approval's admin task;
 * money moves (the outcome is taken, the payout is sent, the entry is removed) only after APPROVE;
 * a rejection goes back to the first decider or ends. The check jobs are scripted as the workers
 * answer ({@code DisputeFourEyes}, {@code PayoutFourEyes}).
 */
class FourEyesProcessTest {
  static ProcessHarness engine;
  String dealId;

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void script() {
    engine.resetScripts();
    dealId = "RB-" + UUID.randomUUID();
    engine.onJob("dispute-stage", ScriptedWorkers.disputeStage());
  }

  static Map<String, Object> needed(String decider, String decidedIn) {
    return Map.of("fourEyesNeeded", true, "firstDecider", decider, "decidedIn", decidedIn, "fourEyesKind", "DISPUTE_REFUND",
        "fourEyesAmount", "Rp 7.500.000", "fourEyesSummary", "refund everything");
  }

  long mediatorDecided(String outcome) {
    long dispute = engine.startInstance("dispute-mediation", Map.of("dealId", dealId));
    engine.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "CONTEST"));
    engine.assertThat(dispute).isWaitingAt("Task_MediatorDecision");
    engine.completeUserTask(dispute, "Task_MediatorDecision", Map.of("outcome", outcome, "reason", "the parcel never arrived at all"));
    return dispute;
  }

  @Test
  void aLargeRefundWaitsForASecondAdminAndIsTakenOnlyAfterApproval() {
    engine.onJob("dispute-four-eyes", complete(needed("mediator@rekber.test", "Task_MediatorDecision")));
    long dispute = mediatorDecided("REFUND");

    engine.assertThat(dispute).hasPassed("Task_CheckFourEyes", "Gateway_FourEyesNeeded").isWaitingAt("Task_SecondApproval")
        .hasNotEntered("Script_TakeDecision");
    InstanceAssert approval = engine.assertThat(dispute).calledBy("Task_SecondApproval").isWaitingAt("Task_ApproveMoneyDecision")
        .hasVariable("firstDecider", "mediator@rekber.test").hasVariable("dealId", dealId);
    assertThat(approval.variable("reason")).isNull(); // only what the approver needs goes in
    ProcessHarness.Job task = engine.userTask(approval.key(), "Task_ApproveMoneyDecision");
    assertThat(task.header("io.camunda.zeebe:candidateGroups")).contains("admin");
    assertThat(task.header("io.camunda.zeebe:formKey")).isNotBlank();

    engine.completeUserTask(approval.key(), "Task_ApproveMoneyDecision", Map.of("approval", "APPROVE", "approvalNote", "checked the evidence"));

    engine.assertThat(dispute).hasPassedInOrder("Task_SecondApproval", "Gateway_Approved", "Gateway_JoinApproved", "Script_TakeDecision")
        .hasVariable("approval", "APPROVE").hasVariable("disputeOutcome", "REFUND").endedAt("EndEvent_DisputeSettled");
  }

  @Test
  void aRejectedMediatorDecisionGoesBackToTheMediators() {
    engine.onJob("dispute-four-eyes", complete(needed("mediator@rekber.test", "Task_MediatorDecision")));
    long dispute = mediatorDecided("SPLIT");
    long approval = engine.assertThat(dispute).calledBy("Task_SecondApproval").key();

    engine.completeUserTask(approval, "Task_ApproveMoneyDecision", Map.of("approval", "REJECT", "approvalNote", "split does not fit the evidence"));

    engine.assertThat(dispute).hasPassed("Gateway_Approved", "Gateway_JoinMediation").hasNotEntered("Script_TakeDecision")
        .isWaitingAt("Task_MediatorDecision");
  }

  @Test
  void aRejectedAdminDecisionGoesBackToTheEscalation() {
    engine.onJob("dispute-four-eyes", complete(needed("admin@rekber.test", "Task_AdminDecision")));
    long dispute = mediatorDecided("REFUND");
    long approval = engine.assertThat(dispute).calledBy("Task_SecondApproval").key();

    engine.completeUserTask(approval, "Task_ApproveMoneyDecision", Map.of("approval", "REJECT", "approvalNote", "look at the chat again"));

    engine.assertThat(dispute).hasPassed("Gateway_JoinEscalation", "Task_EscalationStage").hasNotEntered("Script_TakeDecision")
        .isWaitingAt("Task_DecideEscalation");
  }

  @Test
  void belowTheLimitTheDecisionIsTakenAtOnce() {
    engine.onJob("dispute-four-eyes", complete(Map.of("fourEyesNeeded", false)));
    long dispute = mediatorDecided("REFUND");

    engine.assertThat(dispute).hasPassed("Task_CheckFourEyes", "Gateway_JoinApproved", "Script_TakeDecision")
        .hasNotEntered("Task_SecondApproval").endedAt("EndEvent_DisputeSettled");
  }

  @Test
  void aLargePayoutRetryIsSentOnlyAfterApprovalAndARejectionGoesBackToReview() {
    String first = "PO-" + dealId + "-RELEASE-1";
    engine.onJob("payment-send-payout", complete(Map.of("payoutRequestId", first, "payoutFailureReason", "")));
    engine.onJob("payment-four-eyes", complete(Map.of("fourEyesNeeded", true, "firstDecider", "admin@rekber.test",
        "fourEyesKind", "PAYOUT_RETRY_RELEASE", "fourEyesAmount", "Rp 9.000.000", "fourEyesSummary", "retry")));
    long payout = engine.startInstance("payout", Map.of("dealId", dealId, "payoutPurpose", "RELEASE"));
    engine.publish("PayoutFailed", first, Map.of("payoutFailureReason", "account not found"));
    engine.completeUserTask(payout, "Task_ReviewFailedPayout", Map.of("payoutAction", "RETRY", "adminNote", "seller fixed the account"));

    engine.assertThat(payout).hasPassed("Task_CheckRetryFourEyes").isWaitingAt("Task_ApproveRetry");
    assertThat(engine.assertThat(payout).passed()).filteredOn("Task_SendPayout"::equals).hasSize(1); // the retry is not sent yet
    long rejected = engine.assertThat(payout).calledBy("Task_ApproveRetry").hasVariable("firstDecider", "admin@rekber.test").key();
    engine.completeUserTask(rejected, "Task_ApproveMoneyDecision", Map.of("approval", "REJECT", "approvalNote", "ask the seller first"));
    engine.assertThat(payout).hasPassed("Gateway_RetryApproved").isWaitingAt("Task_ReviewFailedPayout");

    String second = "PO-" + dealId + "-RELEASE-2";
    engine.onJob("payment-send-payout", complete(Map.of("payoutRequestId", second, "payoutFailureReason", "")));
    engine.completeUserTask(payout, "Task_ReviewFailedPayout", Map.of("payoutAction", "RETRY", "adminNote", "seller confirmed by phone"));
    long approved = engine.assertThat(payout).calledBy("Task_ApproveRetry").key();
    assertThat(approved).isNotEqualTo(rejected);
    engine.completeUserTask(approved, "Task_ApproveMoneyDecision", Map.of("approval", "APPROVE", "approvalNote", "account verified"));

    engine.assertThat(payout).hasPassedInOrder("Task_ApproveRetry", "Gateway_RetryApproved", "Gateway_JoinRetry", "Gateway_JoinAttempt", "Task_SendPayout")
        .isWaitingAt("Gateway_AwaitPayoutResult");
    assertThat(engine.assertThat(payout).passed()).filteredOn("Task_SendPayout"::equals).hasSize(2);
    engine.publish("PayoutCompleted", second);
    engine.assertThat(payout).endedAt("EndEvent_PayoutCompleted");
  }

  @Test
  void aBlocklistRemovalHappensOnlyAfterASecondAdminApproves() {
    long removal = engine.startInstance("blocklist-removal", Map.of("blocklistEntryId", 7, "firstDecider", "admin@rekber.test",
        "fourEyesKind", "BLOCKLIST_REMOVAL", "fourEyesAmount", "—", "fourEyesSummary", "Remove BANK_ACCOUNT BCA ***7890"));
    long approval = engine.assertThat(removal).isWaitingAt("Task_SecondApproval").calledBy("Task_SecondApproval")
        .hasVariable("firstDecider", "admin@rekber.test").key();
    engine.assertThat(removal).hasNotEntered("Task_RemoveFromBlocklist");

    engine.completeUserTask(approval, "Task_ApproveMoneyDecision", Map.of("approval", "APPROVE", "approvalNote", "appeal evidence is solid"));

    engine.assertThat(removal).hasPassed("Task_RemoveFromBlocklist").endedAt("EndEvent_Removed");
  }

  @Test
  void aRejectedBlocklistRemovalEndsWithTheEntryKept() {
    long removal = engine.startInstance("blocklist-removal", Map.of("blocklistEntryId", 8, "firstDecider", "admin@rekber.test",
        "fourEyesKind", "BLOCKLIST_REMOVAL", "fourEyesAmount", "—", "fourEyesSummary", "Remove PHONE ***1234"));
    long approval = engine.assertThat(removal).calledBy("Task_SecondApproval").key();

    engine.completeUserTask(approval, "Task_ApproveMoneyDecision", Map.of("approval", "REJECT", "approvalNote", "fraud reports still open"));

    engine.assertThat(removal).hasNotEntered("Task_RemoveFromBlocklist").endedAt("EndEvent_RemovalRefused");
  }
}
