package id.rekber.dispute;

import id.rekber.escrow.DealLifecycle;
import id.rekber.escrow.Shipment;
import id.rekber.escrow.DealRepository;
import id.rekber.ledger.EscrowLedger;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Service tasks of processes/dispute-mediation.bpmn, and the split of the escrow lifecycle. */
@Component
public class DisputeWorkers {
  private final DisputeRepository disputes;
  private final DisputeTimeline timeline;
  private final DisputeNotifications notifications;
  private final DealLifecycle lifecycle;
  private final DealRepository deals;
  private final EscrowLedger ledger;
  private final Clock clock;

  DisputeWorkers(DisputeRepository disputes, DisputeTimeline timeline, DisputeNotifications notifications,
      DealLifecycle lifecycle, DealRepository deals, EscrowLedger ledger, Clock clock) {
    this.disputes = disputes;
    this.timeline = timeline;
    this.notifications = notifications;
    this.lifecycle = lifecycle;
    this.deals = deals;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * Enters the stage named in the task header: stores its deadline, puts it on the deal's timeline
   * and tells the party who must act. A redelivered job finds the stage entered and repeats its
   * deadline instead of moving it.
   */
  @JobWorker(type = "dispute-stage", fetchVariables = "dealId")
  @Transactional
  public Map<String, Object> enterStage(@Variable String dealId, @CustomHeaders Map<String, String> headers) {
    DisputeStage stage = DisputeStage.valueOf(headers.get("stage"));
    Dispute dispute = disputes.findForUpdate(dealId).orElseThrow(() -> new IllegalStateException("no dispute for " + dealId));
    Instant deadline = dispute.stageDeadline();
    if (dispute.stage() != stage) {
      deadline = clock.instant().plus(stage.window());
      disputes.enterStage(dealId, stage, deadline);
      lifecycle.enter(dealId, stage.step(), null, Shipment.NONE);
      notifications.stageEntered(dealId, stage, deadline);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("stageDeadline", timerDate(deadline));
    variables.put("reminderAt", timerDate(deadline.minus(DisputeStage.REMINDER_BEFORE_SLA)));
    return variables;
  }

  /** The non-interrupting reminder on the mediator task: one mail to the mediators, once. */
  @JobWorker(type = "dispute-remind", fetchVariables = "dealId")
  @Transactional
  public void remind(@Variable String dealId) {
    notifications.remindMediators(dealId);
  }

  /** Records how the dispute ended; the escrow lifecycle then moves the money. */
  @JobWorker(type = "dispute-close", fetchVariables = {"dealId", "disputeOutcome", "buyerAmount", "sellerAmount"})
  @Transactional
  public void close(@Variable String dealId, @Variable String disputeOutcome,
      @Variable(optional = true) Object buyerAmount, @Variable(optional = true) Object sellerAmount) {
    boolean split = "SPLIT".equals(disputeOutcome);
    Long toBuyer = split ? DisputeService.wholeRupiah(buyerAmount) : null;
    Long toSeller = split ? DisputeService.wholeRupiah(sellerAmount) : null;
    if (disputes.resolve(dealId, disputeOutcome, toBuyer, toSeller, clock.instant())) {
      timeline.add(dealId, "RESOLVED_" + disputeOutcome, "system", "SYSTEM", null);
      lifecycle.enter(dealId, DisputeStage.RESOLVED.step(), disputeOutcome, Shipment.NONE);
      notifications.resolved(dealId, disputeOutcome, toBuyer, toSeller);
    }
  }

  /** "Split funds between buyer and seller" in the escrow lifecycle, with the amounts recorded at close. */
  @JobWorker(type = "ledger-split-funds", fetchVariables = "dealId")
  public void split(@Variable String dealId) {
    Dispute dispute = disputes.find(dealId).orElseThrow();
    ledger.split(deals.findById(dealId).orElseThrow(), dispute.buyerAmount(), dispute.sellerAmount());
  }

  /** Timers read ISO-8601 instants in whole seconds; rounding up never fires before the deadline shown. */
  private static String timerDate(Instant instant) {
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    return (seconds.equals(instant) ? seconds : seconds.plusSeconds(1)).toString();
  }
}
