package id.rekber.trust;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;

/** Names shared with processes/fraud-report.bpmn and its forms. */
final class FraudProcess {
  @ModelReference(Kind.PROCESS)
  static final String PROCESS_ID = "fraud-report";
  @ModelReference(Kind.ELEMENT)
  static final String REVIEW_TASK = "Task_ReviewReport";
  @ModelReference(Kind.ELEMENT)
  static final String APPEAL_TASK = "Task_ReviewAppeal";
  @ModelReference(Kind.MESSAGE)
  static final String APPEALED = "FraudReportAppealed";

  private FraudProcess() {}
}
