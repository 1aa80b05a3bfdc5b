package id.rekber.escrow;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;

/** Ids in processes/milestone.bpmn that code refers to. */
final class MilestoneProcess {
  @ModelReference(Kind.PROCESS)
  static final String PROCESS_ID = "milestone";
  /** Where money that arrived for an unfunded milestone goes back to the buyer (decision 46). */
  @ModelReference(Kind.ELEMENT)
  static final String REFUND_MILESTONE = "Task_RefundMilestone";

  private MilestoneProcess() {}
}
