package id.rekber.escrow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies a milestone process step to its row, once (a redelivered job changes nothing). */
@Service
public class MilestoneLifecycle {
  private final DealRepository deals;
  private final MilestoneRepository milestones;
  private final DealEventRepository events;
  private final MilestonePayments payments;
  private final Clock clock;

  MilestoneLifecycle(DealRepository deals, MilestoneRepository milestones, DealEventRepository events, MilestonePayments payments,
      Clock clock) {
    this.deals = deals;
    this.milestones = milestones;
    this.events = events;
    this.payments = payments;
    this.clock = clock;
  }

  @Transactional
  public Map<String, Object> enter(String dealId, int seq, Milestone.State state) {
    Deal deal = deals.findForUpdate(dealId).orElseThrow();
    Milestone milestone = milestones.lock(dealId, (short) seq).orElseThrow();
    Instant now = clock.instant();
    Instant inspectionEnds = state == Milestone.State.DELIVERED ? now.plus(Duration.ofDays(deal.getInspectionDays())) : null;
    if (milestone.enter(state, now, inspectionEnds)) {
      events.save(new DealEvent(dealId, "MILESTONE_" + state.name(), "system", "#" + seq, now));
      if (state == Milestone.State.UNFUNDED) {
        payments.markUnfunded(deal, milestone, now);
      }
    }
    List<Milestone> all = milestones.findByDealIdOrderBySeqAsc(dealId);
    Map<String, Object> out = new HashMap<>();
    out.put("milestoneAmount", MilestoneShares.of(deal, all, seq).held());
    if (milestone.getInspectionEndsAt() != null && state == Milestone.State.DELIVERED) {
      out.put("inspectionEndsAt", DealVariables.timerDate(milestone.getInspectionEndsAt()));
    }
    if (state == Milestone.State.RELEASED || state == Milestone.State.REFUNDED || state == Milestone.State.SPLIT
        || state == Milestone.State.UNFUNDED) {
      out.put("milestoneOutcome", state.name());
    }
    return out;
  }

  /** The deal and its milestones, for the ledger's entries per milestone. */
  @Transactional(readOnly = true)
  public List<Milestone> milestonesOf(String dealId) {
    return milestones.findByDealIdOrderBySeqAsc(dealId);
  }
}
