package id.rekber.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byParentProcessInstanceKey;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byProcessId;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import id.rekber.support.ScriptedWorkers;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * escrow-lifecycle on a Camunda runtime with its real children (payout, dispute-mediation and
 * dispute-escalation, bound per deployment, so CPT's mockChildProcess could not replace them): the happy
 * path, every party's message, every timer by the CPT clock, each dispute outcome, a failed payout
 * reviewed by an admin through CPT's user-task API, the late-payment refund and the incident for an
 * unknown outcome. Skipped unless {@code REKBER_CPT_RUNTIME} names a runtime ({@link CptRuntimeCondition}).
 */
@CptTest
class EscrowLifecycleCptTest {
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
    workers.deals();
    dealId = "RB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  ProcessInstanceEvent create() {
    ProcessInstanceEvent deal = client.newCreateInstanceCommand().bpmnProcessId("escrow-lifecycle").latestVersion()
        .variables(Map.of("dealId", dealId, "acceptDeadline", workers.in(Duration.ofDays(3)))).send().join();
    assertThatProcessInstance(deal).hasCompletedElements("StartEvent_DealCreated", "Task_MarkAwaitingAcceptance")
        .hasActiveElements("Gateway_AwaitCounterparty").isWaitingForMessage("DealAccepted", dealId);
    return deal;
  }

  ProcessInstanceEvent accepted() {
    ProcessInstanceEvent deal = create();
    workers.publish("DealAccepted", dealId);
    assertThatProcessInstance(deal).hasCompletedElementsInOrder("Event_DealAccepted", "Task_CreatePaymentInvoice", "Task_MarkAwaitingPayment")
        .isWaitingForMessage("PaymentReceived", dealId);
    return deal;
  }

  ProcessInstanceEvent funded() {
    ProcessInstanceEvent deal = accepted();
    workers.publish("PaymentReceived", dealId);
    assertThatProcessInstance(deal).hasCompletedElements("Event_PaymentReceived", "Task_MarkFundsHeld")
        .isWaitingForMessage("GoodsShipped", dealId);
    return deal;
  }

  ProcessInstanceEvent shipped() {
    ProcessInstanceEvent deal = funded();
    workers.publish("GoodsShipped", dealId, Map.of("courier", "JNE", "trackingNumber", "JNE123456"));
    assertThatProcessInstance(deal).hasCompletedElements("Event_GoodsShipped", "Task_MarkShipped").hasVariable("courier", "JNE")
        .isWaitingForMessage("GoodsDelivered", dealId);
    return deal;
  }

  ProcessInstanceEvent inspecting() {
    ProcessInstanceEvent deal = shipped();
    workers.publish("GoodsDelivered", dealId);
    assertThatProcessInstance(deal).hasCompletedElements("Event_GoodsDelivered", "Task_StartInspection")
        .hasActiveElements("Task_AwaitBuyerVerdict").isWaitingForMessage("DisputeOpened", dealId);
    return deal;
  }

  ProcessInstanceSelector child(ProcessInstanceEvent deal, String processId) {
    return byParentProcessInstanceKey(deal.getProcessInstanceKey()).and(byProcessId(processId));
  }

  /** The provider confirms the payout of that purpose; the payout process ends. */
  void paidOut(String purpose) {
    workers.payoutResult("PayoutCompleted", CptWorkers.payoutRequestId(dealId, purpose, 1), Map.of());
  }

  void completedAfterRelease(ProcessInstanceEvent deal) {
    assertThatProcessInstance(deal).hasCompletedElements("Gateway_JoinRelease", "Task_ReleaseFunds").hasActiveElements("Task_PayOutToSeller");
    assertThatProcessInstance(child(deal, "payout")).hasVariable("payoutPurpose", "RELEASE");
    paidOut("RELEASE");
    assertThatProcessInstance(deal).hasCompletedElements("Task_PayOutToSeller", "Task_MarkDealCompleted", "EndEvent_DealCompleted")
        .hasNoActiveIncidents().isCompleted();
  }

  void refunded(ProcessInstanceEvent deal) {
    assertThatProcessInstance(deal).hasCompletedElements("Gateway_JoinRefund", "Task_RefundFunds").hasActiveElements("Task_PayOutRefund");
    paidOut("REFUND");
    assertThatProcessInstance(deal).hasCompletedElements("Task_PayOutRefund", "Task_MarkRefundPaid", "EndEvent_DealRefunded")
        .hasNoActiveIncidents().isCompleted();
  }

  // ------------------------------------------------------------------ the happy paths

  @Test
  void happyPathFromCreationToPayout() {
    ProcessInstanceEvent deal = inspecting();
    workers.publish("GoodsAccepted", dealId);
    assertThatProcessInstance(deal).hasCompletedElements("Task_AwaitBuyerVerdict").hasNotActivatedElements("Task_CloseInspection");
    completedAfterRelease(deal);
  }

  @Test
  void goodsAcceptedOnArrival() {
    ProcessInstanceEvent deal = shipped();
    workers.publish("GoodsAccepted", dealId);
    assertThatProcessInstance(deal).hasCompletedElements("Event_GoodsAcceptedOnArrival").hasNotActivatedElements("Task_StartInspection");
    completedAfterRelease(deal);
  }

  // ------------------------------------------------------------------ before payment

  @Test
  void theCounterpartyDeclines() {
    ProcessInstanceEvent deal = create();
    workers.publish("DealDeclined", dealId);
    assertThatProcessInstance(deal).hasCompletedElements("Event_DealDeclined", "Task_MarkDealDeclined", "EndEvent_DealDeclined").isCompleted();
  }

  @Test
  void theInitiatorWithdraws() {
    ProcessInstanceEvent deal = create();
    workers.publish("DealCancelled", dealId);
    assertThatProcessInstance(deal).hasCompletedElements("Event_DealWithdrawn", "Task_MarkDealWithdrawn", "EndEvent_DealWithdrawn").isCompleted();
  }

  @Test
  void nobodyAnswersInThreeDays() {
    ProcessInstanceEvent deal = create();
    cpt.increaseTime(Duration.ofDays(3).plusMinutes(1));
    assertThatProcessInstance(deal).hasCompletedElements("Event_AcceptanceExpired", "Task_MarkAcceptanceExpired", "EndEvent_DealExpired")
        .isCompleted();
  }

  @Test
  void theInvoiceExpires() {
    ProcessInstanceEvent deal = accepted();
    cpt.increaseTime(ScriptedWorkers.PAYMENT_WINDOW.plusMinutes(1));
    assertThatProcessInstance(deal).hasCompletedElements("Event_PaymentExpired", "Task_MarkPaymentExpired", "EndEvent_PaymentExpired")
        .isCompleted();
  }

  @Test
  void aPartyCancelsBeforePayment() {
    ProcessInstanceEvent deal = accepted();
    workers.publish("DealCancelled", dealId);
    assertThatProcessInstance(deal)
        .hasCompletedElements("Event_CancelledBeforePayment", "Task_MarkCancelledBeforePayment", "EndEvent_CancelledBeforePayment")
        .isCompleted();
  }

  // ------------------------------------------------------------------ after payment, before delivery

  @Test
  void theSellerMissesTheShipByDeadlineAndTheBuyerIsRefunded() {
    ProcessInstanceEvent deal = funded();
    cpt.increaseTime(ScriptedWorkers.SHIP_WINDOW.plusMinutes(1));
    assertThatProcessInstance(deal).hasCompletedElements("Event_ShipDeadlinePassed", "Gateway_JoinCancellation", "Task_MarkDealCancelled");
    refunded(deal);
  }

  @Test
  void bothPartiesAgreeToCancelAfterPayment() {
    ProcessInstanceEvent deal = funded();
    workers.publish("CancellationAgreed", dealId);
    assertThatProcessInstance(deal).hasCompletedElements("Event_CancelledAfterPayment", "Task_MarkDealCancelled");
    refunded(deal);
  }

  @Test
  void nobodyConfirmsDeliveryForSevenDaysSoTheInspectionStarts() {
    ProcessInstanceEvent deal = shipped();
    cpt.increaseTime(ScriptedWorkers.DELIVERY_FALLBACK.plusMinutes(1));
    assertThatProcessInstance(deal).hasCompletedElements("Event_DeliveryFallbackReached", "Gateway_JoinDelivery", "Task_StartInspection")
        .hasActiveElements("Task_AwaitBuyerVerdict");
  }

  @Test
  void theInspectionPeriodEndsAndTheMoneyIsReleased() {
    ProcessInstanceEvent deal = inspecting();
    cpt.increaseTime(ScriptedWorkers.INSPECTION_WINDOW.plusMinutes(1));
    assertThatProcessInstance(deal).hasCompletedElements("Event_InspectionPeriodEnded", "Task_CloseInspection", "Gateway_InspectionVerdict")
        .hasVariable("buyerVerdict", "TIMED_OUT").hasTerminatedElements("Task_AwaitBuyerVerdict");
    completedAfterRelease(deal);
  }

  @Test
  void aDisputeRecordedBeforeTheInspectionTimerStillGoesToMediation() {
    workers.buyerVerdict = "DISPUTED";
    ProcessInstanceEvent deal = inspecting();
    cpt.increaseTime(ScriptedWorkers.INSPECTION_WINDOW.plusMinutes(1));
    assertThatProcessInstance(deal).hasCompletedElements("Task_CloseInspection", "Gateway_JoinDispute", "Task_MarkDisputed")
        .hasActiveElements("Task_MediateDispute").hasNotActivatedElements("Task_ReleaseFunds");
  }

  // ------------------------------------------------------------------ disputes

  ProcessInstanceEvent disputed() {
    ProcessInstanceEvent deal = inspecting();
    workers.publish("DisputeOpened", dealId);
    assertThatProcessInstance(deal).hasCompletedElements("Event_DisputeOpened", "Task_MarkDisputed")
        .hasTerminatedElements("Task_AwaitBuyerVerdict").hasActiveElements("Task_MediateDispute");
    assertThatProcessInstance(child(deal, "dispute-mediation")).isActive().isWaitingForMessage("DisputeSellerResponded", dealId);
    return deal;
  }

  @Test
  void theSellerAcceptsTheRefundInTheDispute() {
    ProcessInstanceEvent deal = disputed();
    workers.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "ACCEPT_REFUND"));
    assertThatProcessInstance(deal).hasVariable("disputeOutcome", "REFUND").hasCompletedElements("Task_MarkDealRefunding");
    refunded(deal);
  }

  @Test
  void theBuyerAcceptsAnOfferAndBothPartsArePaidOut() {
    ProcessInstanceEvent deal = disputed();
    workers.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "OFFER", "buyerAmount", 60_000, "sellerAmount", 140_000));
    assertThatProcessInstance(child(deal, "dispute-mediation")).isWaitingForMessage("DisputeOfferAnswered", dealId);
    workers.publish("DisputeOfferAnswered", dealId, Map.of("offerAnswer", "ACCEPT"));

    assertThatProcessInstance(deal).hasVariable("disputeOutcome", "SPLIT").hasCompletedElements("Task_SplitFunds")
        .hasActiveElements("Task_PayOutSplitToSeller", "Task_PayOutSplitToBuyer");
    paidOut("RELEASE");
    paidOut("REFUND");
    assertThatProcessInstance(deal).hasCompletedElements("Task_PayOutSplitToSeller", "Task_PayOutSplitToBuyer", "Task_MarkSplitPaid",
        "EndEvent_DealSplit").isCompleted();
  }

  @Test
  void theMediatorReleasesToTheSeller() {
    ProcessInstanceEvent deal = disputed();
    workers.publish("DisputeSellerResponded", dealId, Map.of("sellerResponse", "CONTEST"));
    assertThatUserTask(byElementId("Task_MediatorDecision")).isCreated().hasCandidateGroup("mediator");
    cpt.completeUserTask(byElementId("Task_MediatorDecision"),
        Map.of("outcome", "RELEASE", "reason", "the photos show the goods as described"));
    assertThatProcessInstance(deal).hasVariable("disputeOutcome", "RELEASE").hasCompletedElements("Task_MediateDispute");
    completedAfterRelease(deal);
  }

  @Test
  void anUnknownDisputeOutcomeIsAnIncidentNotAGuess() {
    ProcessInstanceEvent deal = client.newCreateInstanceCommand().bpmnProcessId("escrow-lifecycle").latestVersion()
        .variables(Map.of("dealId", dealId, "disputeOutcome", "KEEP_HALF")).startBeforeElement("Gateway_DisputeOutcome").send().join();
    assertThatProcessInstance(deal).hasActiveIncidents().hasNotActivatedElements("Task_ReleaseFunds", "Task_RefundFunds", "Task_SplitFunds");
  }

  // ------------------------------------------------------------------ money after the fact

  @Test
  void aLatePaymentIsRefunded() {
    ProcessInstanceEvent deal = client.newCreateInstanceCommand().bpmnProcessId("escrow-lifecycle").latestVersion()
        .variables(Map.of("dealId", dealId, "refundReason", "LATE_PAYMENT")).startBeforeElement("Gateway_JoinRefund").send().join();
    refunded(deal);
  }

  @Test
  void aFailedPayoutGoesToAnAdminWhoRetriesIt() {
    ProcessInstanceEvent deal = shipped();
    workers.publish("GoodsAccepted", dealId);
    assertThatProcessInstance(deal).hasActiveElements("Task_PayOutToSeller");
    workers.payoutResult("PayoutFailed", CptWorkers.payoutRequestId(dealId, "RELEASE", 1), Map.of("payoutFailureReason", "account not found"));

    assertThatUserTask(byElementId("Task_ReviewFailedPayout")).isCreated().hasCandidateGroup("admin");
    assertThatProcessInstance(child(deal, "payout")).hasCompletedElements("Event_PayoutFailed", "Gateway_JoinFailure")
        .hasVariable("payoutFailureReason", "account not found");
    cpt.completeUserTask(byElementId("Task_ReviewFailedPayout"),
        Map.of("payoutAction", "RETRY", "adminNote", "the seller corrected the account number"));

    assertThatProcessInstance(child(deal, "payout")).hasCompletedElement("Task_SendPayout", 2)
        .hasVariable("payoutRetryOf", CptWorkers.payoutRequestId(dealId, "RELEASE", 1));
    workers.payoutResult("PayoutCompleted", CptWorkers.payoutRequestId(dealId, "RELEASE", 2), Map.of());
    assertThatProcessInstance(deal).hasCompletedElements("Task_PayOutToSeller", "EndEvent_DealCompleted").isCompleted();
  }
}
