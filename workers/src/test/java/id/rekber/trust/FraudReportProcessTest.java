package id.rekber.trust;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * processes/fraud-report.bpmn on its own engine and clock: dismissal (plain and abusive), a verified
 * report against a number nobody owns, against a member's number with the appeal normalised or
 * upheld, and the 14-day appeal window running out.
 */
class FraudReportProcessTest {
  static final Duration APPEAL_WINDOW = Duration.ofDays(14);
  static ProcessHarness engine;

  String reportId;

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void scripts() {
    engine.resetScripts();
    reportId = UUID.randomUUID().toString();
    ownerIsMember(true);
    engine.onJob("fraud-dismiss-report", complete(Map.of()));
    engine.onJob("fraud-close-appeal-window", complete(Map.of()));
    engine.onJob("fraud-normalise-number", complete(Map.of()));
    engine.onJob("fraud-uphold-report", complete(Map.of()));
  }

  void ownerIsMember(boolean member) {
    engine.onJob("fraud-block-number", job -> complete(member
        ? Map.of("ownerIsMember", true, "appealBy", ScriptedWorkers.timerDate(job.now().plus(APPEAL_WINDOW)))
        : Map.of("ownerIsMember", false)));
  }

  long filed() {
    long report = engine.startInstance(FraudProcess.PROCESS_ID, Map.of("reportId", reportId, "caseNumber", "BCA ******7890"));
    engine.assertThat(report).isWaitingAt(FraudProcess.REVIEW_TASK);
    return report;
  }

  @Test
  void theReviewIsForComplianceAndTheAppealForComplianceOrAdminWithTheirForms() {
    ProcessHarness.Job review = engine.userTask(filed(), FraudProcess.REVIEW_TASK);
    assertThat(review.header("io.camunda.zeebe:candidateGroups")).contains("compliance").doesNotContain("admin");
    assertThat(review.header("io.camunda.zeebe:formKey")).isNotBlank();

    long report = verified();
    engine.publish(FraudProcess.APPEALED, reportId);
    ProcessHarness.Job appeal = engine.userTask(report, FraudProcess.APPEAL_TASK);
    assertThat(appeal.header("io.camunda.zeebe:candidateGroups")).contains("compliance", "admin");
    assertThat(appeal.header("io.camunda.zeebe:formKey")).isNotBlank().isNotEqualTo(review.header("io.camunda.zeebe:formKey"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DISMISS", "ABUSIVE"})
  void aDismissedReportEndsWithoutABlock(String decision) {
    long report = filed();
    engine.completeUserTask(report, FraudProcess.REVIEW_TASK, Map.of("reviewDecision", decision, "reviewNote", "no evidence of fraud"));
    engine.assertThat(report).hasPassed("Gateway_ReviewDecision", "Task_DismissReport").hasNotEntered("Task_BlockNumber")
        .endedAt("EndEvent_ReportDismissed");
  }

  @Test
  void aVerifiedReportAgainstANumberNoMemberOwnsBlocksIt() {
    ownerIsMember(false);
    long report = filed();
    engine.completeUserTask(report, FraudProcess.REVIEW_TASK, Map.of("reviewDecision", "VERIFY", "reviewNote", "transfer receipts match"));
    engine.assertThat(report).hasPassed("Task_BlockNumber", "Gateway_OwnerIsMember").hasNotEntered("Task_AwaitAppeal")
        .endedAt("EndEvent_NumberBlocked");
  }

  long verified() {
    long report = filed();
    engine.completeUserTask(report, FraudProcess.REVIEW_TASK, Map.of("reviewDecision", "VERIFY", "reviewNote", "transfer receipts match"));
    engine.assertThat(report).hasPassed("Task_BlockNumber").isWaitingAt("Task_AwaitAppeal").hasActiveTimers("Event_AppealWindowOver");
    return report;
  }

  @ParameterizedTest
  @ValueSource(strings = {"NORMALISE", "UPHOLD"})
  void anAppealGoesToTheSecondReviewer(String decision) {
    long report = verified();
    engine.advance(APPEAL_WINDOW.minusDays(1));
    engine.publish(FraudProcess.APPEALED, reportId, Map.of("caseVerifiedBy", "compliance@rekber.test"));
    engine.assertThat(report).hasPassed("Task_AwaitAppeal").isWaitingAt(FraudProcess.APPEAL_TASK);

    engine.completeUserTask(report, FraudProcess.APPEAL_TASK, Map.of("appealDecision", decision, "appealNote", "the receipts were forged"));

    if (decision.equals("NORMALISE")) {
      engine.assertThat(report).hasPassed("Task_NormaliseNumber").hasNotEntered("Task_UpholdReport").endedAt("EndEvent_Normalised");
    } else {
      engine.assertThat(report).hasPassed("Task_UpholdReport").hasNotEntered("Task_NormaliseNumber").endedAt("EndEvent_ReportUpheld");
    }
  }

  @Test
  void withoutAnAppealTheWindowClosesAfterFourteenDaysAndTheBlockStands() {
    long report = verified();

    engine.advance(APPEAL_WINDOW.minusHours(1));
    engine.assertThat(report).isWaitingAt("Task_AwaitAppeal");

    engine.advance(Duration.ofHours(1).plusSeconds(2));
    engine.assertThat(report).hasTriggeredTimer("Event_AppealWindowOver").hasPassed("Task_CloseAppealWindow")
        .hasNotEntered(FraudProcess.APPEAL_TASK).endedAt("EndEvent_BlockStands");
  }
}
