package id.rekber.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.util.List;
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
 * kyc-approval with the real kyc-risk decision on a Camunda runtime: every risk outcome, the officer's
 * three decisions through CPT's user-task API, the resubmission, and both resubmission timers by the
 * CPT clock. Skipped unless {@code REKBER_CPT_RUNTIME} names a runtime ({@link CptRuntimeCondition}).
 */
@CptTest
class KycApprovalCptTest {
  static final Duration RESUBMISSION_WINDOW = Duration.ofDays(7);

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext cpt;
  CptWorkers workers;
  String submissionId;
  volatile Map<String, Object> checks;

  @BeforeAll
  static void slowerSearch() {
    // The compose stack exports to Elasticsearch; assertions wait for the search index to catch up.
    CamundaAssert.setAssertionTimeout(Duration.ofSeconds(30));
  }

  @BeforeEach
  void mockWorkers() {
    workers = new CptWorkers(cpt, client);
    submissionId = UUID.randomUUID().toString();
    checks(false, true, "MATCH", false);
    workers.answer("kyc-check-nik", job -> Map.of("nikValid", checks.get("nikValid"), "nikProblems", List.of()));
    workers.answer("kyc-check-duplicate-nik", job -> Map.of("duplicateNik", checks.get("duplicateNik")));
    workers.answer("kyc-verify-account-holder", job -> Map.of("nameMatch", checks.get("nameMatch")));
    workers.answer("kyc-check-blocklists", job -> Map.of("blocklisted", checks.get("blocklisted")));
    workers.answer("kyc-request-resubmission", job -> Map.of("resubmitBy", workers.in(RESUBMISSION_WINDOW)));
    workers.complete("kyc-record-risk", "kyc-approve", "kyc-reject", "kyc-remind-resubmission", "kyc-expire-submission");
    workers.taskListeners();
  }

  void checks(boolean blocklisted, boolean nikValid, String nameMatch, boolean duplicateNik) {
    checks = Map.of("blocklisted", blocklisted, "nikValid", nikValid, "nameMatch", nameMatch, "duplicateNik", duplicateNik);
  }

  ProcessInstanceEvent submit() {
    return client.newCreateInstanceCommand().bpmnProcessId("kyc-approval").latestVersion()
        .variables(Map.of("submissionId", submissionId)).send().join();
  }

  @ParameterizedTest(name = "blocklisted={0} nikValid={1} nameMatch={2} duplicateNik={3} -> {4}")
  @CsvSource(delimiter = ';', value = {
      "false; true;  MATCH;     false; APPROVE",
      "true;  true;  MATCH;     false; REJECT",
      "false; false; MATCH;     false; REJECT",
      "false; true;  NOT_FOUND; false; REJECT",
      "false; true;  MISMATCH;  false; MANUAL_REVIEW",
      "false; true;  PARTIAL;   false; MANUAL_REVIEW",
      "false; true;  MATCH;     true;  MANUAL_REVIEW",
  })
  void theRiskDecisionPicksThePath(boolean blocklisted, boolean nikValid, String nameMatch, boolean duplicateNik, String decision) {
    checks(blocklisted, nikValid, nameMatch, duplicateNik);

    ProcessInstanceEvent kyc = submit();

    assertThatProcessInstance(kyc).hasCompletedElementsInOrder("Task_CheckNik", "Task_CheckDuplicateNik",
        "Task_VerifyAccountHolder", "Task_CheckBlocklists", "Task_AssessRisk", "Task_RecordRisk").hasVariable("riskDecision", decision);
    switch (decision) {
      case "APPROVE" -> assertThatProcessInstance(kyc).hasCompletedElements("Task_ApproveKyc", "EndEvent_KycApproved").isCompleted();
      case "REJECT" -> assertThatProcessInstance(kyc).hasCompletedElements("Task_RejectKyc", "EndEvent_KycRejected").isCompleted();
      default -> assertThatProcessInstance(kyc).isActive().hasActiveElements("Task_ReviewKyc");
    }
  }

  ProcessInstanceEvent inReview() {
    checks(false, true, "PARTIAL", false);
    ProcessInstanceEvent kyc = submit();
    assertThatProcessInstance(kyc).hasActiveElements("Task_ReviewKyc");
    return kyc;
  }

  @Test
  void theReviewTaskIsForCompliance() {
    ProcessInstanceEvent kyc = inReview();
    assertThatUserTask(byElementId("Task_ReviewKyc", kyc.getProcessInstanceKey())).isCreated().hasCandidateGroup("compliance");
  }

  @ParameterizedTest
  @ValueSource(strings = {"APPROVE", "REJECT"})
  void theOfficerApprovesOrRejects(String decision) {
    ProcessInstanceEvent kyc = inReview();

    cpt.completeUserTask(byElementId("Task_ReviewKyc", kyc.getProcessInstanceKey()),
        Map.of("reviewDecision", decision, "reviewNote", "checked against the KTP"));

    assertThatUserTask(byElementId("Task_ReviewKyc", kyc.getProcessInstanceKey())).isCompleted();
    if (decision.equals("APPROVE")) {
      assertThatProcessInstance(kyc).hasCompletedElements("Gateway_JoinApproval", "Task_ApproveKyc", "EndEvent_KycApproved").isCompleted();
    } else {
      assertThatProcessInstance(kyc).hasCompletedElements("Gateway_JoinRejection", "Task_RejectKyc", "EndEvent_KycRejected").isCompleted();
    }
  }

  ProcessInstanceEvent awaitingResubmission() {
    ProcessInstanceEvent kyc = inReview();
    cpt.completeUserTask(byElementId("Task_ReviewKyc", kyc.getProcessInstanceKey()),
        Map.of("reviewDecision", "RESUBMIT", "reviewNote", "the KTP photo is blurred"));
    assertThatProcessInstance(kyc).hasCompletedElements("Task_RequestResubmission").hasActiveElements("Task_AwaitResubmission")
        .isWaitingForMessage("KycResubmitted", submissionId);
    return kyc;
  }

  @Test
  void aResubmissionRunsTheChecksAgain() {
    ProcessInstanceEvent kyc = awaitingResubmission();
    checks(false, true, "MATCH", false); // the new photo and account match

    workers.publish("KycResubmitted", submissionId);

    assertThatProcessInstance(kyc).hasCorrelatedMessage("KycResubmitted", submissionId)
        .hasCompletedElement("Task_CheckNik", 2).hasVariable("riskDecision", "APPROVE")
        .hasCompletedElements("EndEvent_KycApproved").isCompleted();
  }

  @Test
  void aReminderAfterFiveDaysThenTheSubmissionExpiresAfterSeven() {
    ProcessInstanceEvent kyc = awaitingResubmission();

    cpt.increaseTime(RESUBMISSION_WINDOW.minusDays(2).plusMinutes(1));
    assertThatProcessInstance(kyc).hasCompletedElements("Event_ReminderDue", "Task_SendResubmissionReminder", "EndEvent_ReminderSent")
        .hasActiveElements("Task_AwaitResubmission");

    cpt.increaseTime(Duration.ofDays(2));
    assertThatProcessInstance(kyc).hasCompletedElements("Event_ResubmissionOverdue", "Task_ExpireSubmission", "EndEvent_SubmissionExpired")
        .hasTerminatedElements("Task_AwaitResubmission").isCompleted();
  }
}
