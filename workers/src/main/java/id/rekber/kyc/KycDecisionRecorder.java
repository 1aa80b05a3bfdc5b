package id.rekber.kyc;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.inbox.TaskCompleted;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who decided a KYC review, on the submission and in the audit trail. */
@Component
class KycDecisionRecorder {
  private final JdbcTemplate jdbc;
  private final AuditTrail audit;

  KycDecisionRecorder(JdbcTemplate jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @EventListener
  public void taskCompleted(TaskCompleted done) {
    if (!KycProcess.PROCESS_ID.equals(done.processId())) {
      return;
    }
    Object decision = done.submitted().get("reviewDecision");
    Object note = done.submitted().get("reviewNote");
    UUID submission =
        jdbc.queryForList("SELECT id FROM kyc_submission WHERE process_instance_key = ?", UUID.class, done.processInstanceKey()).stream().findFirst().orElse(null);
    if (submission != null) {
      // Only this column: the outcome worker may be applying the decision at the same moment.
      jdbc.update("UPDATE kyc_submission SET decided_by = ? WHERE id = ?", done.staffEmail(), submission);
    }
    audit.record(new AuditEvent(null, done.staffEmail(), "KYC_REVIEW_" + decision, "kyc-submission", submission == null ? null : submission.toString(),
        "ALLOWED", null, null, note == null ? null : note.toString()));
  }
}
