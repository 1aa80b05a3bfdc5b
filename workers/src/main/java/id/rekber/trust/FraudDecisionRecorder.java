package id.rekber.trust;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.inbox.TaskCompleted;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who verified or dismissed a report, and who decided its appeal: on the report and in the audit trail. */
@Component
class FraudDecisionRecorder {
  private final JdbcTemplate jdbc;
  private final AuditTrail audit;

  FraudDecisionRecorder(JdbcTemplate jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @EventListener
  public void taskCompleted(TaskCompleted done) {
    if (!FraudProcess.PROCESS_ID.equals(done.processId())) {
      return;
    }
    UUID report = jdbc.queryForList("SELECT id FROM fraud_report WHERE process_instance_key = ?", UUID.class, done.processInstanceKey())
        .stream().findFirst().orElse(null);
    boolean appeal = FraudProcess.APPEAL_TASK.equals(done.elementId());
    Object decision = done.submitted().get(appeal ? "appealDecision" : "reviewDecision");
    Object note = done.submitted().get(appeal ? "appealNote" : "reviewNote");
    if (report != null) {
      // Only this column: the outcome worker may be applying the decision at the same moment.
      jdbc.update("UPDATE fraud_report SET " + (appeal ? "appeal_decided_by" : "verified_by") + " = ? WHERE id = ?", done.staffEmail(), report);
    }
    audit.record(new AuditEvent(null, done.staffEmail(), (appeal ? "FRAUD_APPEAL_" : "FRAUD_REVIEW_") + decision, "fraud-report",
        report == null ? null : report.toString(), "ALLOWED", null, null, note == null ? null : note.toString()));
  }
}
