package id.rekber.kyc;

import static id.rekber.support.ProcessHarness.Outcome.complete;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.ProcessHarness;
import id.rekber.support.ScriptedWorkers;
import java.time.Duration;
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
 * processes/kyc-approval.bpmn with processes/kyc-risk.dmn on its own engine and clock: the check
 * workers are scripted, the DMN runs in the engine; each risk outcome, each officer decision, the
 * resubmission loop, its reminder and its expiry.
 */
class KycApprovalProcessTest {
  static final Duration RESUBMISSION_WINDOW = Duration.ofDays(7);
  static ProcessHarness engine;

  String submissionId;

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void checksPass() {
    engine.resetScripts();
    submissionId = UUID.randomUUID().toString();
    checks(false, true, "MATCH", false);
    engine.onJob("kyc-request-resubmission",
        job -> complete(Map.of("resubmitBy", ScriptedWorkers.timerDate(job.now().plus(RESUBMISSION_WINDOW)))));
  }

  void checks(boolean blocklisted, boolean nikValid, String nameMatch, boolean duplicateNik) {
    engine.onJob("kyc-check-nik", complete(Map.of("nikValid", nikValid, "nikProblems", nikValid ? "" : "bad province")));
    engine.onJob("kyc-check-duplicate-nik", complete(Map.of("duplicateNik", duplicateNik)));
    engine.onJob("kyc-verify-account-holder", complete(Map.of("nameMatch", nameMatch)));
    engine.onJob("kyc-check-blocklists", complete(Map.of("blocklisted", blocklisted)));
  }

  long submit() {
    return engine.startInstance(KycProcess.PROCESS_ID, Map.of("submissionId", submissionId));
  }

  @ParameterizedTest(name = "blocklisted={0} nikValid={1} nameMatch={2} duplicateNik={3} -> {4} {5}")
  @CsvSource(delimiter = ';', value = {
      "false; true;  MATCH;     false; APPROVE;       [\"ALL_CHECKS_PASSED\"]",
      "true;  true;  MATCH;     false; REJECT;        [\"BLOCKLISTED\"]",
      "false; false; MATCH;     false; REJECT;        [\"NIK_INVALID\"]",
      "false; true;  NOT_FOUND; false; REJECT;        [\"ACCOUNT_NOT_FOUND\"]",
      "false; true;  MISMATCH;  false; MANUAL_REVIEW; [\"NAME_MISMATCH\"]",
      "false; true;  PARTIAL;   false; MANUAL_REVIEW; [\"NAME_PARTIAL_MATCH\"]",
      "false; true;  MATCH;     true;  MANUAL_REVIEW; [\"DUPLICATE_NIK\"]",
      "true;  true;  PARTIAL;   true;  REJECT;        [\"BLOCKLISTED\",\"NAME_PARTIAL_MATCH\",\"DUPLICATE_NIK\"]",
  })
  void theRiskDecisionPicksThePath(boolean blocklisted, boolean nikValid, String nameMatch, boolean duplicateNik,
      String decision, String reasons) {
    checks(blocklisted, nikValid, nameMatch, duplicateNik);

    long kyc = submit();

    engine.assertThat(kyc)
        .hasPassedInOrder("Task_CheckNik", "Task_CheckDuplicateNik", "Task_VerifyAccountHolder", "Task_CheckBlocklists",
            "Task_AssessRisk", "Task_RecordRisk", "Gateway_RiskDecision")
        .hasVariable("riskDecision", decision).hasVariableJson("riskReasons", reasons);
    switch (decision) {
      case "APPROVE" -> engine.assertThat(kyc).hasPassed("Task_ApproveKyc").endedAt("EndEvent_KycApproved");
      case "REJECT" -> engine.assertThat(kyc).hasPassed("Task_RejectKyc").endedAt("EndEvent_KycRejected");
      default -> engine.assertThat(kyc).isWaitingAt(KycProcess.REVIEW_TASK);
    }
  }

  long inReview() {
    checks(false, true, "PARTIAL", false);
    long kyc = submit();
    engine.assertThat(kyc).isWaitingAt(KycProcess.REVIEW_TASK);
    return kyc;
  }

  @Test
  void theReviewTaskIsForComplianceWithTheKycForm() {
    ProcessHarness.Job review = engine.userTask(inReview(), KycProcess.REVIEW_TASK);
    assertThat(review.header("io.camunda.zeebe:candidateGroups")).contains("compliance");
    assertThat(review.header("io.camunda.zeebe:formKey")).isNotBlank();
    assertThat(review.header("io.camunda.zeebe:dueDate")).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"APPROVE", "REJECT"})
  void theOfficerApprovesOrRejects(String decision) {
    long kyc = inReview();
    engine.completeUserTask(kyc, KycProcess.REVIEW_TASK, Map.of("reviewDecision", decision, "reviewNote", "checked against the KTP"));
    if (decision.equals("APPROVE")) {
      engine.assertThat(kyc).hasPassed("Gateway_JoinApproval", "Task_ApproveKyc").endedAt("EndEvent_KycApproved");
    } else {
      engine.assertThat(kyc).hasPassed("Gateway_JoinRejection", "Task_RejectKyc").endedAt("EndEvent_KycRejected");
    }
  }

  long awaitingResubmission() {
    long kyc = inReview();
    engine.completeUserTask(kyc, KycProcess.REVIEW_TASK, Map.of("reviewDecision", "RESUBMIT", "reviewNote", "the KTP photo is blurred"));
    engine.assertThat(kyc).hasPassed("Task_RequestResubmission").isWaitingAt("Task_AwaitResubmission")
        .hasActiveTimers("Event_ReminderDue", "Event_ResubmissionOverdue");
    return kyc;
  }

  @Test
  void aResubmissionRunsTheChecksAgain() {
    long kyc = awaitingResubmission();
    checks(false, true, "MATCH", false); // the new photo and account match

    engine.publish(KycProcess.RESUBMITTED, submissionId);

    engine.assertThat(kyc).hasPassedInOrder("Task_CheckNik", "Task_AwaitResubmission", "Gateway_JoinChecks", "Task_CheckNik")
        .hasVariable("riskDecision", "APPROVE").endedAt("EndEvent_KycApproved");
  }

  @Test
  void aReminderAfterFiveDaysThenTheSubmissionExpiresAfterSeven() {
    long kyc = awaitingResubmission();

    engine.advance(RESUBMISSION_WINDOW.minusDays(2).plusSeconds(2));
    engine.assertThat(kyc).hasTriggeredTimer("Event_ReminderDue").hasPassed("Task_SendResubmissionReminder", "EndEvent_ReminderSent")
        .isWaitingAt("Task_AwaitResubmission").hasActiveTimers("Event_ResubmissionOverdue");

    engine.advance(Duration.ofDays(2));
    engine.assertThat(kyc).hasTriggeredTimer("Event_ResubmissionOverdue").hasPassed("Task_ExpireSubmission")
        .endedAt("EndEvent_SubmissionExpired");
  }
}
