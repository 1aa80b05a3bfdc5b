package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.InstanceAssert;
import id.rekber.support.ProcessHarness;
import id.rekber.support.ProcessHarness.Outcome;
import id.rekber.support.ScriptedWorkers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service deals (decision 43) on their own engine and clock: escrow-lifecycle's milestone branch and
 * processes/milestone.bpmn, with scripted workers that record which milestone moved how.
 */
class MilestoneProcessTest {
  static final Duration INSPECTION = Duration.ofDays(3);
  static final Duration PAYMENT_WINDOW = Duration.ofHours(24);
  static ProcessHarness engine;
  final List<String> moves = new CopyOnWriteArrayList<>();
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
  void scriptWorkers() {
    engine.resetScripts();
    ScriptedWorkers.install(engine);
    engine.onJob("milestone-status", job -> {
      String status = job.header("status");
      int milestone = milestoneOf(job);
      moves.add(milestone + ":" + status);
      Map<String, Object> out = new HashMap<>(Map.of("milestoneAmount", 100_000 * milestone));
      if (status.equals("DELIVERED")) {
        out.put("inspectionEndsAt", ScriptedWorkers.timerDate(engine.now().plus(INSPECTION)));
      }
      if (List.of("RELEASED", "REFUNDED", "SPLIT", "UNFUNDED").contains(status)) {
        out.put("milestoneOutcome", status);
      }
      return Outcome.complete(out);
    });
    engine.onJob("ledger-release-milestone", job -> record(job, "ledger-release"));
    engine.onJob("ledger-refund-milestone", job -> record(job, "ledger-refund"));
    engine.onJob("ledger-split-milestone", job -> record(job, "ledger-split"));
    engine.onJob("ledger-release-funds", job -> record(job, "goods-release"));
    engine.onJob("payment-create-milestone-invoice", job -> {
      moves.add(milestoneOf(job) + ":invoice");
      return Outcome.complete(Map.of("milestonePaymentDeadline", ScriptedWorkers.timerDate(engine.now().plus(PAYMENT_WINDOW))));
    });
    dealId = "RB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private Outcome record(ProcessHarness.Job job, String what) {
    moves.add(milestoneOf(job) + ":" + what);
    return Outcome.complete();
  }

  private int milestoneOf(ProcessHarness.Job job) {
    String value = engine.assertThat(job.processInstanceKey()).variable("milestone");
    return value == null ? 0 : Integer.parseInt(value);
  }

  /** A funded service deal of two milestones, waiting for the first one's delivery. */
  long fundedServiceDeal() {
    return fundedServiceDeal("UP_FRONT", List.of(1, 2));
  }

  long fundedServiceDeal(String funding, List<Integer> milestones) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealId", dealId);
    variables.put("serviceDeal", true);
    variables.put("milestones", milestones);
    variables.put("milestoneFunding", funding);
    long deal = engine.startBefore(EscrowProcess.PROCESS_ID, "Task_MarkFundsHeld", variables);
    engine.assertThat(deal).hasPassed("Gateway_ServiceDeal").hasNotEntered("Gateway_AwaitShipment");
    engine.assertThat(deal).calledBy("Call_Milestones").isWaitingAt("Event_MilestoneDelivered").hasVariable("milestone", 1);
    return deal;
  }

  String key(int milestone) {
    return dealId + "#" + milestone;
  }

  @Test
  void eachMilestoneIsReleasedOnItsOwnByTheBuyerOrByTheInspectionTimer() {
    long deal = fundedServiceDeal();
    InstanceAssert first = engine.assertThat(deal).calledBy("Call_Milestones");

    engine.publish(DealMessages.MILESTONE_DELIVERED, key(1));
    first.hasPassed("Task_StartMilestoneInspection").hasActiveTimers("Event_MilestoneInspectionEnded");
    // A message for milestone 2 does not touch milestone 1, and is not kept for later either (time to live 0).
    engine.publish(DealMessages.MILESTONE_ACCEPTED, key(2));
    first.isWaitingAt("Gateway_MilestoneVerdict");

    engine.advance(INSPECTION.plusSeconds(2)); // the buyer stays silent: automatic release of milestone 1
    first.hasTriggeredTimer("Event_MilestoneInspectionEnded").hasPassedInOrder("Task_ReleaseMilestone", "Task_MarkMilestoneReleased")
        .isWaitingAt("Call_PayOutReleasedMilestone");
    // The seller is paid for milestone 1 before milestone 2 starts (decision 45).
    payOut(first, "Call_PayOutReleasedMilestone", "RELEASE", 1);
    first.endedAt("EndEvent_MilestoneReleased");

    InstanceAssert second = engine.assertThat(deal).calledBy("Call_Milestones");
    assertThat(second.key()).isNotEqualTo(first.key());
    second.hasVariable("milestone", 2).isWaitingAt("Event_MilestoneDelivered");
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(2));
    engine.publish(DealMessages.MILESTONE_ACCEPTED, key(2));
    payOut(second, "Call_PayOutReleasedMilestone", "RELEASE", 2);
    second.hasNoTriggeredTimers().endedAt("EndEvent_MilestoneReleased");

    assertThat(moves).containsExactly(
        "1:IN_PROGRESS", "1:DELIVERED", "1:ledger-release", "1:RELEASED",
        "2:IN_PROGRESS", "2:DELIVERED", "2:ledger-release", "2:RELEASED");
    engine.assertThat(deal).hasPassed("Task_MarkServiceDealCompleted").endedAt("EndEvent_ServiceDealCompleted")
        .hasNotEntered("Gateway_AwaitShipment", "Task_ReleaseFunds", "Task_PayOutToSeller");
  }

  @Test
  void aDisputeOnOneMilestoneGoesToMediationForThatMilestoneOnly() {
    long deal = fundedServiceDeal();
    InstanceAssert first = engine.assertThat(deal).calledBy("Call_Milestones");
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(1));
    engine.publish(DealMessages.MILESTONE_DISPUTED, key(1));

    first.hasPassed("Event_MilestoneDisputed", "Task_MarkMilestoneDisputed").isWaitingAt("Call_MilestoneDispute");
    InstanceAssert dispute = first.calledBy("Call_MilestoneDispute");
    dispute.hasVariable("dealId", dealId).hasVariable("disputedAmount", 100_000).isWaitingAt("Gateway_AwaitSeller");
    engine.advance(INSPECTION.plusSeconds(2)); // the inspection deadline passes: nothing is released while disputed
    first.hasNotEntered("Task_ReleaseMilestone").isWaitingAt("Call_MilestoneDispute");

    engine.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "CONTEST"));
    engine.completeUserTask(dispute.key(), "Task_MediatorDecision", Map.of("outcome", "REFUND", "reason", "work not delivered as agreed"));
    dispute.endedAt("EndEvent_DisputeSettled");
    first.hasPassedInOrder("Task_RefundMilestone", "Task_MarkMilestoneRefunded").hasNotEntered("Task_ReleaseMilestone");
    payOut(first, "Call_PayOutRefundedMilestone", "REFUND", 1);
    first.endedAt("EndEvent_MilestoneRefunded");

    // Milestone 2 goes on normally.
    InstanceAssert second = engine.assertThat(deal).calledBy("Call_Milestones");
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(2));
    engine.publish(DealMessages.MILESTONE_ACCEPTED, key(2));
    assertThat(moves).containsExactly(
        "1:IN_PROGRESS", "1:DELIVERED", "1:DISPUTED", "1:ledger-refund", "1:REFUNDED",
        "2:IN_PROGRESS", "2:DELIVERED", "2:ledger-release", "2:RELEASED");
    payOut(second, "Call_PayOutReleasedMilestone", "RELEASE", 2);
    engine.assertThat(deal).endedAt("EndEvent_ServiceDealCompleted");
  }

  @Test
  void aSellersOfferTheBuyerAcceptsSplitsThatMilestoneAndPaysBothParties() {
    long deal = fundedServiceDeal();
    InstanceAssert first = engine.assertThat(deal).calledBy("Call_Milestones");
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(1));
    engine.publish(DealMessages.MILESTONE_DISPUTED, key(1));
    InstanceAssert dispute = first.calledBy("Call_MilestoneDispute");
    dispute.isWaitingAt("Gateway_AwaitSeller");

    engine.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "OFFER", "buyerAmount", 40_000, "sellerAmount", 58_000));
    engine.publish("DisputeOfferAnswered", dealId, Map.of("offerAnswer", "ACCEPT"));
    dispute.endedAt("EndEvent_DisputeSettled");
    first.hasPassedInOrder("Task_SplitMilestone", "Task_MarkMilestoneSplit").hasNotEntered("Task_ReleaseMilestone", "Task_RefundMilestone");
    payOut(first, "Call_PayOutSplitToSeller", "RELEASE", 1);
    payOut(first, "Call_PayOutSplitToBuyer", "REFUND", 1);
    first.endedAt("EndEvent_MilestoneSplit");

    InstanceAssert second = engine.assertThat(deal).calledBy("Call_Milestones");
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(2));
    engine.publish(DealMessages.MILESTONE_ACCEPTED, key(2));
    assertThat(moves).containsExactly(
        "1:IN_PROGRESS", "1:DELIVERED", "1:DISPUTED", "1:ledger-split", "1:SPLIT",
        "2:IN_PROGRESS", "2:DELIVERED", "2:ledger-release", "2:RELEASED");
    payOut(second, "Call_PayOutReleasedMilestone", "RELEASE", 2);
    engine.assertThat(deal).endedAt("EndEvent_ServiceDealCompleted");
  }

  @Test
  void fundedPerMilestoneEachLaterMilestoneStartsOnlyOnceItsOwnInvoiceIsPaid() {
    long deal = fundedServiceDeal("PER_MILESTONE", List.of(1, 2));
    InstanceAssert first = engine.assertThat(deal).calledBy("Call_Milestones");
    first.hasPassed("Gateway_MilestoneFunding", "Gateway_JoinFunded").hasNotEntered("Task_CreateMilestoneInvoice"); // the deal's payment funded milestone 1
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(1));
    engine.publish(DealMessages.MILESTONE_ACCEPTED, key(1));
    payOut(first, "Call_PayOutReleasedMilestone", "RELEASE", 1);

    InstanceAssert second = engine.assertThat(deal).calledBy("Call_Milestones");
    second.hasVariable("milestone", 2).hasPassed("Task_CreateMilestoneInvoice").isWaitingAt("Gateway_AwaitMilestonePayment")
        .hasActiveTimers("Event_MilestonePaymentExpired").hasNotEntered("Task_MarkMilestoneInProgress");
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(2)); // the seller cannot start an unpaid milestone
    second.isWaitingAt("Gateway_AwaitMilestonePayment");
    engine.publish(DealMessages.MILESTONE_PAID, key(2));
    second.hasPassed("Event_MilestonePaid", "Task_MarkMilestoneInProgress").isWaitingAt("Event_MilestoneDelivered");
    engine.advance(PAYMENT_WINDOW.plusSeconds(2)); // the deadline of a paid invoice does nothing
    second.hasNoTriggeredTimers().isWaitingAt("Event_MilestoneDelivered");
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(2));
    engine.publish(DealMessages.MILESTONE_ACCEPTED, key(2));
    payOut(second, "Call_PayOutReleasedMilestone", "RELEASE", 2);

    assertThat(moves).containsExactly(
        "1:IN_PROGRESS", "1:DELIVERED", "1:ledger-release", "1:RELEASED",
        "2:invoice", "2:IN_PROGRESS", "2:DELIVERED", "2:ledger-release", "2:RELEASED");
    engine.assertThat(deal).endedAt("EndEvent_ServiceDealCompleted");
  }

  @Test
  void aMilestoneLeftUnpaidPastItsDeadlineEndsTheDealThereAndLaterMilestonesNeverStart() {
    long deal = fundedServiceDeal("PER_MILESTONE", List.of(1, 2, 3));
    InstanceAssert first = engine.assertThat(deal).calledBy("Call_Milestones");
    engine.publish(DealMessages.MILESTONE_DELIVERED, key(1));
    engine.publish(DealMessages.MILESTONE_ACCEPTED, key(1));
    payOut(first, "Call_PayOutReleasedMilestone", "RELEASE", 1);

    InstanceAssert second = engine.assertThat(deal).calledBy("Call_Milestones");
    second.isWaitingAt("Gateway_AwaitMilestonePayment");
    engine.advance(PAYMENT_WINDOW.plusSeconds(2)); // the buyer does not pay milestone 2
    second.hasTriggeredTimer("Event_MilestonePaymentExpired").hasPassed("Task_MarkMilestoneUnfunded")
        .endedAt("EndEvent_MilestoneUnfunded").hasNotEntered("Task_MarkMilestoneInProgress");

    assertThat(moves).containsExactly(
        "1:IN_PROGRESS", "1:DELIVERED", "1:ledger-release", "1:RELEASED", "2:invoice", "2:UNFUNDED");
    engine.assertThat(deal).hasPassed("Task_MarkServiceDealCompleted").endedAt("EndEvent_ServiceDealCompleted");
  }

  @Test
  void moneyThatArrivesForAnUnfundedMilestoneGoesBackThroughThatMilestonesRefund() {
    long refund = engine.startBefore(MilestoneProcess.PROCESS_ID, MilestoneProcess.REFUND_MILESTONE, Map.of("dealId", dealId, "milestone", 2));
    InstanceAssert late = engine.assertThat(refund);
    late.hasPassedInOrder("Task_RefundMilestone", "Task_MarkMilestoneRefunded").hasNotEntered("Task_MarkMilestoneInProgress");
    payOut(late, "Call_PayOutRefundedMilestone", "REFUND", 2);
    late.endedAt("EndEvent_MilestoneRefunded");
    assertThat(moves).containsExactly("2:ledger-refund", "2:REFUNDED");
  }

  @Test
  void aGoodsDealTakesTheUnchangedGoodsPath() {
    long deal = engine.startBefore(EscrowProcess.PROCESS_ID, "Task_MarkFundsHeld", Map.of("dealId", dealId));
    engine.assertThat(deal).hasPassed("Gateway_ServiceDeal").isWaitingAt(EscrowProcess.AWAIT_SHIPMENT).hasNotEntered("Call_Milestones");
  }

  /** The milestone's payout, called right after it was settled (decision 45), confirmed by the provider. */
  void payOut(InstanceAssert milestone, String callActivity, String purpose, int seq) {
    InstanceAssert payout = milestone.isWaitingAt(callActivity).calledBy(callActivity);
    payout.hasVariable("payoutPurpose", purpose).hasVariable("payoutMilestone", seq).isWaitingAt("Gateway_AwaitPayoutResult");
    engine.publish("PayoutCompleted", ScriptedWorkers.payoutRequestId(payout.key()));
    payout.endedAt("EndEvent_PayoutCompleted");
  }

}
