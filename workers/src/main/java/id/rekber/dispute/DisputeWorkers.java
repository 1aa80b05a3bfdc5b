package id.rekber.dispute;

import id.rekber.escrow.DealLifecycle;
import id.rekber.escrow.Shipment;
import id.rekber.escrow.DealRepository;
import id.rekber.escrow.MilestoneLifecycle;
import id.rekber.ledger.EscrowLedger;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import id.rekber.escrow.MemberBenefits;
import id.rekber.escrow.PremiumMembers;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Service tasks of processes/dispute-mediation.bpmn, and the split of the escrow lifecycle. */
@Component
public class DisputeWorkers {
  /** The variable Gateway_ResumeAt routes on: a {@link DisputeStage} name. */
  static final String RESUME_STAGE = "disputeResumeStage";

  private final DisputeRepository disputes;
  private final DisputeTimeline timeline;
  private final DisputeNotifications notifications;
  private final DealLifecycle lifecycle;
  private final DealRepository deals;
  private final EscrowLedger ledger;
  private final DisputeCaseFacts facts;
  private final Clock clock;
  private final ObjectProvider<PremiumMembers> members;
  private final DisputedAmount amounts;
  private final MilestoneLifecycle milestones;

  @SuppressWarnings("java:S107")
  DisputeWorkers(DisputeRepository disputes, DisputeTimeline timeline, DisputeNotifications notifications,
      DealLifecycle lifecycle, DealRepository deals, EscrowLedger ledger, DisputeCaseFacts facts, Clock clock,
      ObjectProvider<PremiumMembers> members, DisputedAmount amounts, MilestoneLifecycle milestones) {
    this.amounts = amounts;
    this.milestones = milestones;
    this.members = members;
    this.disputes = disputes;
    this.timeline = timeline;
    this.notifications = notifications;
    this.lifecycle = lifecycle;
    this.deals = deals;
    this.ledger = ledger;
    this.facts = facts;
    this.clock = clock;
  }

  /**
   * Enters the stage named in the task header: stores its deadline, puts it on the deal's timeline
   * and tells the party who must act. A redelivered job finds the stage entered and repeats its
   * deadline instead of moving it. Before a staff decision, the case facts for the form are set too.
   */
  @JobWorker(type = "dispute-stage", fetchVariables = "dealId")
  @Transactional
  public Map<String, Object> enterStage(@Variable String dealId, @CustomHeaders Map<String, String> headers, ActivatedJob job) {
    DisputeStage stage = DisputeStage.valueOf(headers.get("stage"));
    Dispute dispute = disputes.findForUpdate(dealId).orElseThrow(() -> new IllegalStateException("no dispute for " + dealId));
    Instant deadline = dispute.stageDeadline();
    if (dispute.stage() != stage) {
      deadline = clock.instant().plus(window(stage, dealId));
      disputes.enterStage(dealId, stage, deadline);
      lifecycle.enter(dealId, stage.step(), null, Shipment.NONE);
      notifications.stageEntered(dealId, stage, deadline);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("stageDeadline", timerDate(deadline));
    variables.put("reminderAt", timerDate(deadline.minus(DisputeStage.REMINDER_BEFORE_SLA)));
    if (stage == DisputeStage.MEDIATION || stage == DisputeStage.ESCALATED) {
      variables.putAll(facts.of(disputes.find(dealId).orElseThrow(), deadline, job.getProcessInstanceKey()));
    }
    return variables;
  }

  /**
   * "Find where the dispute stands", the first task of dispute-mediation. A new dispute (no stage
   * yet) and one waiting for the seller start with the seller's response. A dispute whose process was
   * rebuilt from PostgreSQL (single-node restart or engine rebase, see {@code EscrowRecovery}) goes
   * on at its stored stage; the stage task then finds the stage entered and keeps its deadline. One
   * that was already decided goes straight to closing with the stored outcome.
   */
  @JobWorker(type = "dispute-resume-point", fetchVariables = "dealId")
  @Transactional(readOnly = true)
  public Map<String, Object> resumePoint(@Variable String dealId) {
    Dispute dispute = disputes.find(dealId).orElseThrow(() -> new IllegalStateException("no dispute for " + dealId));
    Map<String, Object> variables = new HashMap<>();
    if (dispute.outcome() != null) {
      variables.put(RESUME_STAGE, DisputeStage.RESOLVED.name());
      variables.put("disputeOutcome", dispute.outcome());
      if (dispute.buyerAmount() != null) {
        variables.put("buyerAmount", dispute.buyerAmount());
        variables.put("sellerAmount", dispute.sellerAmount());
      }
      return variables;
    }
    DisputeStage stage = dispute.stage() == null ? DisputeStage.SELLER_RESPONSE : dispute.stage();
    switch (stage) {
      case BUYER_ANSWER -> {
        // What the seller's offer message carried: the buyer's part and the seller's rest.
        long splittable = amounts.splittable(deals.findById(dealId).orElseThrow(), dispute);
        variables.put("sellerResponse", "OFFER");
        variables.put("buyerAmount", dispute.offerAmount());
        variables.put("sellerAmount", splittable - dispute.offerAmount());
        variables.put(RESUME_STAGE, stage.name());
      }
      case MEDIATION, ESCALATED, RETURN_SHIPPING, RETURN_IN_TRANSIT -> variables.put(RESUME_STAGE, stage.name());
      default -> variables.put(RESUME_STAGE, DisputeStage.SELLER_RESPONSE.name());
    }
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

  /**
   * "Split milestone" in processes/milestone.bpmn (decision 44): the amounts recorded when the
   * milestone's dispute closed, which must be about this milestone.
   */
  @JobWorker(type = "ledger-split-milestone", fetchVariables = {"dealId", "milestone"})
  public void splitMilestone(@Variable String dealId, @Variable int milestone) {
    Dispute dispute = disputes.find(dealId).orElseThrow(() -> new IllegalStateException("no dispute for " + dealId));
    if (!Integer.valueOf(milestone).equals(dispute.milestoneSeq()) || !"SPLIT".equals(dispute.outcome())) {
      throw new IllegalStateException("the dispute of " + dealId + " is not a split of milestone " + milestone);
    }
    ledger.splitMilestone(deals.findById(dealId).orElseThrow(), milestones.milestonesOf(dealId), milestone,
        dispute.buyerAmount(), dispute.sellerAmount());
  }

  /** Timers read ISO-8601 instants in whole seconds; rounding up never fires before the deadline shown. */
  /**
   * A stage's time limit; mediation is shorter when a party is a premium member (membership-benefits.dmn,
   * "mediationSlaHours"), never longer than the normal one.
   */
  private java.time.Duration window(DisputeStage stage, String dealId) {
    PremiumMembers premium = members.getIfAvailable();
    if (stage != DisputeStage.MEDIATION || premium == null) {
      return stage.window();
    }
    return deals.findById(dealId)
        .flatMap(d -> premium.forDeal(d.getBuyerId(), d.getSellerId()))
        .map(MemberBenefits::mediationSla)
        .filter(sla -> sla.compareTo(stage.window()) < 0)
        .orElse(stage.window());
  }

  private static String timerDate(Instant instant) {
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    return (seconds.equals(instant) ? seconds : seconds.plusSeconds(1)).toString();
  }
}
