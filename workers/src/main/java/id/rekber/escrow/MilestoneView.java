package id.rekber.escrow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A milestone as the parties see it, with what it holds and pays (docs/ledger.md). */
public record MilestoneView(
    int seq,
    String description,
    long amount,
    LocalDate dueDate,
    Milestone.State state,
    long held,
    long sellerReceives,
    Instant deliveredAt,
    Instant inspectionEndsAt,
    Instant settledAt) {

  static MilestoneView of(Deal deal, List<Milestone> all, Milestone m) {
    MilestoneShares shares = MilestoneShares.of(deal, all, m.getSeq());
    return new MilestoneView(m.getSeq(), m.getDescription(), m.getAmount(), m.getDueDate(), m.getState(), shares.held(),
        shares.toSeller(), m.getDeliveredAt(), m.getInspectionEndsAt(), m.getSettledAt());
  }
}
