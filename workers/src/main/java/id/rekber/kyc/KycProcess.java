package id.rekber.kyc;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;

/** Names shared with processes/kyc-approval.bpmn and processes/kyc-risk.dmn. */
final class KycProcess {
  @ModelReference(Kind.PROCESS)
  static final String PROCESS_ID = "kyc-approval";
  @ModelReference(Kind.ELEMENT)
  static final String REVIEW_TASK = "Task_ReviewKyc";
  @ModelReference(Kind.MESSAGE)
  static final String RESUBMITTED = "KycResubmitted";

  private KycProcess() {}
}
