package id.rekber.dispute;

import id.rekber.escrow.Deal;
import id.rekber.escrow.MilestoneLifecycle;
import id.rekber.escrow.MilestoneShares;
import id.rekber.ledger.EscrowLedger;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a dispute may share between buyer and seller: the whole deal's held amount less its fee, or
 * for a dispute on one milestone that milestone's share less its fee share (decision 44).
 */
@Component
class DisputedAmount {
  private final MilestoneLifecycle milestones;

  DisputedAmount(MilestoneLifecycle milestones) {
    this.milestones = milestones;
  }

  long splittable(Deal deal, Dispute dispute) {
    return shares(deal, dispute).map(MilestoneShares::splittable).orElseGet(() -> EscrowLedger.splittable(deal));
  }

  /** What the dispute is about, as the mediator's case shows it: held, and how much can be shared. */
  long held(Deal deal, Dispute dispute) {
    return shares(deal, dispute).map(MilestoneShares::held).orElseGet(deal::grossAmount);
  }

  private Optional<MilestoneShares> shares(Deal deal, Dispute dispute) {
    if (dispute == null || dispute.milestoneSeq() == null) {
      return Optional.empty();
    }
    return Optional.of(MilestoneShares.of(deal, milestones.milestonesOf(deal.getId()), dispute.milestoneSeq()));
  }
}
