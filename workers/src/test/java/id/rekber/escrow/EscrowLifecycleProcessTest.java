package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.InstanceAssert;
import id.rekber.support.ProcessHarness;
import id.rekber.support.ScriptedWorkers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * processes/escrow-lifecycle.bpmn on its own engine and clock: every wait state, every timer (moved
 * on this engine only), the cancellation paths and the dispute call activity. Workers are scripted
 * ({@link ScriptedWorkers}); {@code deal-status} also records the steps it was asked to apply.
 */
class EscrowLifecycleProcessTest {
  static ProcessHarness engine;
  static final Map<Long, List<String>> steps = new ConcurrentHashMap<>();

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
    var dealStatus = ScriptedWorkers.dealStatus();
    engine.onJob("deal-status", job -> {
      String reason = job.header("reason");
      steps.computeIfAbsent(job.processInstanceKey(), k -> new ArrayList<>())
          .add(job.header("status") + (reason == null ? "" : "/" + reason));
      return dealStatus.apply(job);
    });
    dealId = "RB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  long create() {
    Instant acceptDeadline = engine.now().plus(Duration.ofDays(3));
    return engine.startInstance(EscrowProcess.PROCESS_ID,
        Map.of("dealId", dealId, "acceptDeadline", ScriptedWorkers.timerDate(acceptDeadline)));
  }

  long funded() {
    long deal = create();
    engine.publish(DealMessages.DEAL_ACCEPTED, dealId);
    engine.publish(DealMessages.PAYMENT_RECEIVED, dealId);
    engine.assertThat(deal).isWaitingAt(EscrowProcess.AWAIT_SHIPMENT);
    return deal;
  }

  long shipped() {
    long deal = funded();
    engine.publish(DealMessages.GOODS_SHIPPED, dealId, Map.of("courier", "JNE", "trackingNumber", "JNE123"));
    engine.assertThat(deal).isWaitingAt(EscrowProcess.AWAIT_DELIVERY).hasVariable("courier", "JNE");
    return deal;
  }

  long inspecting() {
    long deal = shipped();
    engine.publish(DealMessages.GOODS_DELIVERED, dealId);
    engine.assertThat(deal).isWaitingAt(EscrowProcess.AWAIT_BUYER_VERDICT).hasActiveTimers("Event_InspectionPeriodEnded");
    return deal;
  }

  /** The payout call activity's child: checks its purpose and confirms the payout. */
  void payOut(long deal, String callActivity, String purpose) {
    InstanceAssert payout = engine.assertThat(deal).calledBy(callActivity);
    payout.hasVariable("payoutPurpose", purpose).isWaitingAt("Gateway_AwaitPayoutResult");
    engine.publish("PayoutCompleted", ScriptedWorkers.payoutRequestId(payout.key()));
    payout.endedAt("EndEvent_PayoutCompleted");
  }

  // ------------------------------------------------------------------ happy path

  @Test
  void happyPathFromCreationToPayout() {
    long deal = create();
    engine.assertThat(deal).hasPassed("StartEvent_DealCreated", "Task_MarkAwaitingAcceptance")
        .isWaitingAt(EscrowProcess.AWAIT_COUNTERPARTY).hasActiveTimers("Event_AcceptanceExpired");

    engine.publish(DealMessages.DEAL_ACCEPTED, dealId);
    engine.assertThat(deal).hasPassedInOrder("Event_DealAccepted", "Task_CreatePaymentInvoice", "Task_MarkAwaitingPayment")
        .isWaitingAt(EscrowProcess.AWAIT_PAYMENT).hasActiveTimers("Event_PaymentExpired");

    engine.publish(DealMessages.PAYMENT_RECEIVED, dealId);
    engine.assertThat(deal).hasPassed("Event_PaymentReceived", "Task_MarkFundsHeld")
        .isWaitingAt(EscrowProcess.AWAIT_SHIPMENT).hasActiveTimers("Event_ShipDeadlinePassed");

    engine.publish(DealMessages.GOODS_SHIPPED, dealId, Map.of("courier", "JNE", "trackingNumber", "JNE123"));
    engine.assertThat(deal).hasPassed("Event_GoodsShipped", "Task_MarkShipped")
        .isWaitingAt(EscrowProcess.AWAIT_DELIVERY).hasActiveTimers("Event_DeliveryFallbackReached");

    engine.publish(DealMessages.GOODS_DELIVERED, dealId);
    engine.assertThat(deal).hasPassed("Event_GoodsDelivered", "Task_StartInspection")
        .isWaitingAt(EscrowProcess.AWAIT_BUYER_VERDICT).hasActiveTimers("Event_InspectionPeriodEnded");

    engine.publish(DealMessages.GOODS_ACCEPTED, dealId);
    engine.assertThat(deal).hasPassed(EscrowProcess.AWAIT_BUYER_VERDICT, "Task_ReleaseFunds")
        .isWaitingAt(EscrowProcess.PAY_OUT_TO_SELLER).hasActiveTimers();
    payOut(deal, EscrowProcess.PAY_OUT_TO_SELLER, "RELEASE");

    engine.assertThat(deal).endedAt("EndEvent_DealCompleted").hasNoTriggeredTimers().hasNoIncidents();
    assertThat(steps.get(deal)).containsExactly(
        "MENUNGGU_PERSETUJUAN", "MENUNGGU_PEMBAYARAN", "DANA_DITAHAN", "DIKIRIM", "SELESAI");
  }

  @Test
  void goodsAcceptedOnArrivalSkipsTheInspection() {
    long deal = shipped();
    engine.publish(DealMessages.GOODS_ACCEPTED, dealId);
    engine.assertThat(deal).hasPassed("Event_GoodsAcceptedOnArrival", "Task_ReleaseFunds")
        .hasNotEntered("Task_StartInspection", EscrowProcess.AWAIT_BUYER_VERDICT);
    payOut(deal, EscrowProcess.PAY_OUT_TO_SELLER, "RELEASE");
    engine.assertThat(deal).endedAt("EndEvent_DealCompleted");
  }

  // ------------------------------------------------------------------ timers

  @Test
  void acceptanceExpiresAfterThreeDays() {
    long deal = create();
    engine.assertThat(deal).hasActiveTimers("Event_AcceptanceExpired");

    engine.advance(Duration.ofDays(3).minusMinutes(1));
    engine.assertThat(deal).isWaitingAt(EscrowProcess.AWAIT_COUNTERPARTY).hasNoTriggeredTimers();

    engine.advance(Duration.ofMinutes(2));
    engine.assertThat(deal).hasTriggeredTimer("Event_AcceptanceExpired").hasPassed("Task_MarkAcceptanceExpired")
        .endedAt("EndEvent_DealExpired");
    assertThat(steps.get(deal)).endsWith("DIBATALKAN/ACCEPTANCE_EXPIRED");
  }

  @Test
  void paymentExpiresAfter24Hours() {
    long deal = create();
    engine.publish(DealMessages.DEAL_ACCEPTED, dealId);
    engine.assertThat(deal).hasActiveTimers("Event_PaymentExpired");

    engine.advance(ScriptedWorkers.PAYMENT_WINDOW.plusSeconds(2));

    engine.assertThat(deal).hasTriggeredTimer("Event_PaymentExpired").hasPassed("Task_MarkPaymentExpired")
        .endedAt("EndEvent_PaymentExpired");
    assertThat(steps.get(deal)).endsWith("DIBATALKAN/PAYMENT_EXPIRED");
  }

  @Test
  void missedShipByDeadlineCancelsAndRefunds() {
    long deal = funded();
    engine.assertThat(deal).hasActiveTimers("Event_ShipDeadlinePassed");

    engine.advance(ScriptedWorkers.SHIP_WINDOW.plusSeconds(2));

    engine.assertThat(deal).hasTriggeredTimer("Event_ShipDeadlinePassed")
        .hasPassedInOrder("Gateway_JoinCancellation", "Task_MarkDealCancelled", EscrowProcess.JOIN_REFUND, "Task_RefundFunds")
        .isWaitingAt(EscrowProcess.PAY_OUT_REFUND);
    payOut(deal, EscrowProcess.PAY_OUT_REFUND, "REFUND");
    engine.assertThat(deal).hasPassed("Task_MarkRefundPaid").endedAt("EndEvent_DealRefunded");
    assertThat(steps.get(deal)).endsWith("DIBATALKAN/CANCELLED_AFTER_PAYMENT", "REFUND_PAID");
  }

  @Test
  void deliveryCountsAsDoneAfterTheFallbackThenInspectionStarts() {
    long deal = shipped();
    engine.assertThat(deal).hasActiveTimers("Event_DeliveryFallbackReached");

    engine.advance(ScriptedWorkers.DELIVERY_FALLBACK.plusSeconds(2));

    engine.assertThat(deal).hasTriggeredTimer("Event_DeliveryFallbackReached")
        .hasPassed("Gateway_JoinDelivery", "Task_StartInspection").hasNotEntered("Event_GoodsDelivered")
        .isWaitingAt(EscrowProcess.AWAIT_BUYER_VERDICT).hasActiveTimers("Event_InspectionPeriodEnded");
  }

  @Test
  void inspectionPeriodEndingReleasesAutomatically() {
    long deal = inspecting();

    engine.advance(ScriptedWorkers.INSPECTION_WINDOW.plusSeconds(2));

    engine.assertThat(deal).hasTriggeredTimer("Event_InspectionPeriodEnded").hasPassed("Task_CloseInspection", "Gateway_InspectionVerdict", "Task_ReleaseFunds")
        .isWaitingAt(EscrowProcess.PAY_OUT_TO_SELLER);
    payOut(deal, EscrowProcess.PAY_OUT_TO_SELLER, "RELEASE");
    engine.assertThat(deal).endedAt("EndEvent_DealCompleted");
  }

  @Test
  void aDisputeRecordedJustBeforeTheTimerFiredWinsOverTheAutomaticRelease() {
    long deal = inspecting();
    // The deal row took the buyer's dispute, but its message had not reached the engine when the timer fired.
    engine.onJob("deal-close-inspection", job -> ProcessHarness.Outcome.complete(Map.of("buyerVerdict", "DISPUTED")));

    engine.advance(ScriptedWorkers.INSPECTION_WINDOW.plusSeconds(2));

    engine.assertThat(deal).hasTriggeredTimer("Event_InspectionPeriodEnded")
        .hasPassed("Task_CloseInspection", "Gateway_InspectionVerdict", "Gateway_JoinDispute", "Task_MarkDisputed")
        .hasNotEntered("Task_ReleaseFunds").isWaitingAt(EscrowProcess.AWAIT_DISPUTE_RESOLUTION);
    engine.publish("DisputeOpened", dealId); // arriving late, it finds nothing to interrupt
    engine.assertThat(deal).isWaitingAt(EscrowProcess.AWAIT_DISPUTE_RESOLUTION).hasNotEntered("Task_ReleaseFunds");
  }

  // ------------------------------------------------------------------ cancellations

  @Test
  void counterpartyDeclines() {
    long deal = create();
    engine.publish(DealMessages.DEAL_DECLINED, dealId);
    engine.assertThat(deal).hasPassed("Event_DealDeclined", "Task_MarkDealDeclined").endedAt("EndEvent_DealDeclined");
    assertThat(steps.get(deal)).endsWith("DIBATALKAN/DECLINED");
  }

  @Test
  void initiatorWithdrawsBeforeAcceptance() {
    long deal = create();
    engine.publish(DealMessages.DEAL_CANCELLED, dealId);
    engine.assertThat(deal).hasPassed("Event_DealWithdrawn").endedAt("EndEvent_DealWithdrawn");
    assertThat(steps.get(deal)).endsWith("DIBATALKAN/CANCELLED");
  }

  @Test
  void onePartyCancelsBeforePayment() {
    long deal = create();
    engine.publish(DealMessages.DEAL_ACCEPTED, dealId);
    engine.publish(DealMessages.DEAL_CANCELLED, dealId);
    engine.assertThat(deal).hasPassed("Event_CancelledBeforePayment", "Task_MarkCancelledBeforePayment")
        .endedAt("EndEvent_CancelledBeforePayment");
  }

  @Test
  void afterPaymentOnlyAnAgreedCancellationCancels() {
    long deal = funded();
    engine.publish(DealMessages.DEAL_CANCELLED, dealId);
    engine.assertThat(deal).isWaitingAt(EscrowProcess.AWAIT_SHIPMENT);

    engine.publish(DealMessages.CANCELLATION_AGREED, dealId);
    engine.assertThat(deal).hasPassed("Event_CancelledAfterPayment", "Task_MarkDealCancelled", "Task_RefundFunds")
        .isWaitingAt(EscrowProcess.PAY_OUT_REFUND);
    payOut(deal, EscrowProcess.PAY_OUT_REFUND, "REFUND");
    engine.assertThat(deal).endedAt("EndEvent_DealRefunded");
  }

  @Test
  void aLatePaymentIsRefundedByAnInstanceStartedBeforeTheRefundJoin() {
    long refund = engine.startBefore(EscrowProcess.PROCESS_ID, EscrowProcess.JOIN_REFUND,
        Map.of("dealId", dealId, "refundReason", "LATE_PAYMENT"));
    engine.assertThat(refund).hasPassed("Task_RefundFunds").hasNotEntered("Task_MarkDealCancelled")
        .isWaitingAt(EscrowProcess.PAY_OUT_REFUND);
    payOut(refund, EscrowProcess.PAY_OUT_REFUND, "REFUND");
    engine.assertThat(refund).endedAt("EndEvent_DealRefunded");
  }

  // ------------------------------------------------------------------ dispute

  @Test
  void aDisputeStopsTheInspectionTimerAndCallsTheMediation() {
    long deal = inspecting();

    engine.publish("DisputeOpened", dealId);

    engine.assertThat(deal).hasPassed("Event_DisputeOpened", "Task_MarkDisputed")
        .isWaitingAt(EscrowProcess.AWAIT_DISPUTE_RESOLUTION).hasActiveTimers();
    engine.assertThat(deal).calledBy(EscrowProcess.AWAIT_DISPUTE_RESOLUTION)
        .hasVariable("dealId", dealId).isWaitingAt("Gateway_AwaitSeller");
    assertThat(steps.get(deal)).endsWith("SENGKETA");

    engine.advance(ScriptedWorkers.INSPECTION_WINDOW.plusSeconds(2)); // the inspection deadline passes: nothing is released
    engine.assertThat(deal).hasNotEntered("Task_ReleaseFunds").isWaitingAt(EscrowProcess.AWAIT_DISPUTE_RESOLUTION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RELEASE", "REFUND", "SPLIT"})
  void theMediatorsOutcomeDecidesWhereTheMoneyGoes(String outcome) {
    long deal = inspecting();
    engine.publish("DisputeOpened", dealId);
    long dispute = engine.assertThat(deal).calledBy(EscrowProcess.AWAIT_DISPUTE_RESOLUTION).key();
    engine.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "CONTEST"));
    engine.completeUserTask(dispute, "Task_MediatorDecision", Map.of("outcome", outcome, "reason", "decided by the mediator on evidence"));
    engine.assertThat(dispute).endedAt("EndEvent_DisputeSettled");
    engine.assertThat(deal).hasPassed(EscrowProcess.AWAIT_DISPUTE_RESOLUTION, "Gateway_DisputeOutcome").hasVariable("disputeOutcome", outcome);

    switch (outcome) {
      case "RELEASE" -> {
        payOut(deal, EscrowProcess.PAY_OUT_TO_SELLER, "RELEASE");
        engine.assertThat(deal).endedAt("EndEvent_DealCompleted");
      }
      case "REFUND" -> {
        engine.assertThat(deal).hasPassed("Task_MarkDealRefunding", "Task_RefundFunds");
        payOut(deal, EscrowProcess.PAY_OUT_REFUND, "REFUND");
        engine.assertThat(deal).endedAt("EndEvent_DealRefunded");
        assertThat(steps.get(deal)).endsWith("DIKEMBALIKAN", "REFUND_PAID");
      }
      default -> {
        engine.assertThat(deal).hasPassed("Task_SplitFunds", "Gateway_SplitPayouts")
            .isWaitingAt("Task_PayOutSplitToSeller", "Task_PayOutSplitToBuyer");
        payOut(deal, "Task_PayOutSplitToSeller", "RELEASE");
        engine.assertThat(deal).isWaitingAt("Task_PayOutSplitToBuyer");
        payOut(deal, "Task_PayOutSplitToBuyer", "REFUND");
        engine.assertThat(deal).hasPassed("Task_MarkSplitPaid").endedAt("EndEvent_DealSplit");
        assertThat(steps.get(deal)).endsWith("SPLIT_PAID/DISPUTE_SPLIT");
      }
    }
  }

  @Test
  void anUnknownDisputeOutcomeIsAnIncidentNotAGuess() {
    long deal = engine.startBefore(EscrowProcess.PROCESS_ID, "Gateway_DisputeOutcome",
        Map.of("dealId", dealId, "disputeOutcome", "HALF"));
    engine.assertThat(deal).hasIncidentAt("Gateway_DisputeOutcome").hasNotEntered("Task_ReleaseFunds", "Task_RefundFunds", "Task_SplitFunds");
  }
}
