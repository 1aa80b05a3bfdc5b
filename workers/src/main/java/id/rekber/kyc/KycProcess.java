package id.rekber.kyc;

/** Names shared with processes/kyc-approval.bpmn and processes/kyc-risk.dmn. */
final class KycProcess {
  static final String PROCESS_ID = "kyc-approval";
  static final String REVIEW_TASK = "Task_ReviewKyc";
  static final String RESUBMITTED = "KycResubmitted";

  private KycProcess() {}
}
