package id.rekber.dispute;

import java.time.Instant;

/** A deal's dispute as stored: the stage it waits in, what the parties answered, how it ended. */
public record Dispute(
    String dealId,
    String reason,
    String openedBy,
    Instant openedAt,
    DisputeStage stage,
    Instant stageDeadline,
    boolean stageAnswered,
    String sellerResponse,
    Long offerAmount,
    String offerAnswer,
    String returnCourier,
    String returnTracking,
    String outcome,
    Long buyerAmount,
    Long sellerAmount,
    Instant resolvedAt,
    /** The milestone of a service deal this dispute is about; null for a goods deal's dispute (decision 44). */
    Integer milestoneSeq) {

  public boolean isResolved() {
    return outcome != null;
  }

  /** True while the given stage waits for a party's answer that has not come yet. */
  public boolean awaits(DisputeStage expected, Instant now) {
    return stage == expected && !stageAnswered && (stageDeadline == null || now.isBefore(stageDeadline));
  }
}
