package id.rekber.escrow;

import java.time.Instant;

/**
 * The one rule for "the buyer may dispute now", as the process model has it
 * (processes/escrow-lifecycle.bpmn): the message "Dispute opened" is caught only on "Await buyer's
 * verdict", which starts after delivery (the inspection period begins, {@code deliveredAt} and
 * {@code inspectionDeadline} are set) and ends when the buyer accepts the goods or the inspection
 * timer fires at {@code inspectionDeadline}. So: the deal is DIKIRIM, delivered, and the inspection
 * deadline has not passed. Only the buyer may dispute; callers check the role.
 */
public final class DisputeWindow {
  private DisputeWindow() {}

  public static boolean isOpen(Deal deal, Instant now) {
    return deal.getStatus() == DealStatus.DIKIRIM
        && deal.getDeliveredAt() != null
        && deal.getInspectionDeadline() != null
        && now.isBefore(deal.getInspectionDeadline());
  }
}
