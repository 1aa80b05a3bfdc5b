package id.rekber.payment;

import static id.rekber.support.ProcessHarness.Outcome.complete;
import static id.rekber.support.ProcessHarness.Outcome.fail;
import static id.rekber.support.ProcessHarness.Outcome.throwError;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.ProcessHarness;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** processes/payout.bpmn on its own engine: result messages, the overdue timer, the admin review loop. */
class PayoutProcessTest {
  static ProcessHarness engine;

  String dealId;
  String payoutId;

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void sendPayoutAnswersWithARequestId() {
    engine.resetScripts();
    dealId = "RB-" + UUID.randomUUID();
    payoutId = "PO-" + dealId + "-RELEASE-1";
    engine.onJob("payment-send-payout", complete(Map.of("payoutRequestId", payoutId, "payoutFailureReason", "")));
  }

  long start() {
    return engine.startInstance("payout", Map.of("dealId", dealId, "payoutPurpose", "RELEASE"));
  }

  @Test
  void aConfirmedPayoutEndsTheProcess() {
    long payout = start();
    engine.assertThat(payout).hasPassed("Task_SendPayout").isWaitingAt("Gateway_AwaitPayoutResult")
        .hasActiveTimers("Event_PayoutResultOverdue");

    engine.publish("PayoutCompleted", payoutId);

    engine.assertThat(payout).hasPassed("Event_PayoutCompleted").endedAt("EndEvent_PayoutCompleted").hasNoIncidents();
  }

  @Test
  void aFailedPayoutGoesToAnAdminAndIsSentAgainAfterTheReview() {
    long payout = start();
    engine.publish("PayoutFailed", payoutId, Map.of("payoutFailureReason", "account not found"));

    engine.assertThat(payout).hasPassed("Event_PayoutFailed", "Gateway_JoinFailure").isWaitingAt("Task_ReviewFailedPayout")
        .hasVariable("payoutFailureReason", "account not found");
    ProcessHarness.Job review = engine.userTask(payout, "Task_ReviewFailedPayout");
    assertThat(review.header("io.camunda.zeebe:candidateGroups")).contains("admin");
    assertThat(review.header("io.camunda.zeebe:formKey")).isNotBlank();
    assertThat(review.header("io.camunda.zeebe:dueDate")).isNotBlank();

    String retry = "PO-" + dealId + "-RELEASE-2";
    engine.onJob("payment-send-payout", complete(Map.of("payoutRequestId", retry, "payoutFailureReason", "")));
    engine.completeUserTask(payout, "Task_ReviewFailedPayout", Map.of("payoutAction", "RETRY", "adminNote", "account fixed by seller"));
    engine.assertThat(payout).hasPassedInOrder("Task_SendPayout", "Task_ReviewFailedPayout", "Gateway_JoinAttempt")
        .isWaitingAt("Gateway_AwaitPayoutResult")
        .hasVariable("payoutRetryOf", payoutId); // the retry names the failed attempt it answers

    engine.publish("PayoutCompleted", payoutId); // the old attempt's request id no longer matters
    engine.assertThat(payout).isActive();
    engine.publish("PayoutCompleted", retry);
    engine.assertThat(payout).endedAt("EndEvent_PayoutCompleted");
  }

  @Test
  void noAnswerFor24HoursGoesToReview() {
    long payout = start();
    engine.assertThat(payout).hasActiveTimers("Event_PayoutResultOverdue");

    engine.advance(Duration.ofHours(23));
    engine.assertThat(payout).isWaitingAt("Gateway_AwaitPayoutResult").hasNoTriggeredTimers();

    engine.advance(Duration.ofHours(1).plusSeconds(1));
    engine.assertThat(payout).hasTriggeredTimer("Event_PayoutResultOverdue").isWaitingAt("Task_ReviewFailedPayout");
  }

  @Test
  void anEarlierFailureWithoutARetryDecisionGoesStraightToReview() {
    String failed = "PO-" + dealId + "-RELEASE-3";
    engine.onJob("payment-send-payout", throwError("PAYOUT_NEEDS_REVIEW", Map.of("payoutFailureReason", "account closed", "payoutRequestId", failed)));

    long payout = start();

    engine.assertThat(payout).hasPassed("Event_PayoutNeedsReview").hasNotEntered("Gateway_AwaitPayoutResult")
        .isWaitingAt("Task_ReviewFailedPayout").hasVariable("payoutFailureReason", "account closed")
        .hasVariable("payoutRequestId", failed);

    engine.onJob("payment-send-payout", complete(Map.of("payoutRequestId", "PO-" + dealId + "-RELEASE-4", "payoutFailureReason", "")));
    engine.completeUserTask(payout, "Task_ReviewFailedPayout", Map.of("payoutAction", "RETRY", "adminNote", "account reopened"));
    engine.assertThat(payout).isWaitingAt("Gateway_AwaitPayoutResult").hasVariable("payoutRetryOf", failed);
  }

  @Test
  void aWorkerThatGivesUpLeavesAnIncident() {
    engine.onJob("payment-send-payout", fail("provider down"));

    long payout = start();

    engine.assertThat(payout).isWaitingAt("Task_SendPayout").hasIncidentAt("Task_SendPayout");
  }
}
