package id.rekber.trust;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.kyc.Blocklist;
import id.rekber.notification.Outbox;
import id.rekber.platform.PublicUrl;
import id.rekber.platform.Refusal;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What fraud-report decided, applied to the report, the blocklist and the owner's mailbox. Each is
 * idempotent: a redelivered job finds its outcome already applied.
 */
@Component
public class FraudWorkers {
  static final String SYSTEM = "system:fraud-report";

  private final FraudReports reports;
  private final JdbcTemplate jdbc;
  private final Blocklist blocklist;
  private final AppUserRepository users;
  private final Outbox outbox;
  private final PublicUrl urls;
  private final AuditTrail audit;
  private final TrustProperties properties;
  private final Clock clock;

  @SuppressWarnings("java:S107")
  FraudWorkers(FraudReports reports, JdbcTemplate jdbc, Blocklist blocklist, AppUserRepository users, Outbox outbox, PublicUrl urls, AuditTrail audit,
      TrustProperties properties, Clock clock) {
    this.reports = reports;
    this.jdbc = jdbc;
    this.blocklist = blocklist;
    this.users = users;
    this.outbox = outbox;
    this.urls = urls;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @JobWorker(type = "fraud-dismiss-report", fetchVariables = {"reportId", "reviewDecision", "reviewNote"})
  @Transactional
  public void dismiss(@Variable String reportId, @Variable String reviewDecision, @Variable(optional = true) String reviewNote) {
    FraudReport r = lock(reportId);
    if (FraudReport.OPEN.equals(r.status())) {
      String status = "ABUSIVE".equals(reviewDecision) ? FraudReport.ABUSIVE : FraudReport.DISMISSED;
      jdbc.update("UPDATE fraud_report SET status = ?, decision_note = ?, decided_at = ? WHERE id = ?", status, reviewNote, now(), r.id());
    }
  }

  /** Lists the number, and gives a member owner the appeal deadline ({@code appealBy}, the model's timer counts to it). */
  @JobWorker(type = "fraud-block-number", fetchVariables = {"reportId", "reviewNote"})
  @Transactional
  public Map<String, Object> block(@Variable String reportId, @Variable(optional = true) String reviewNote) {
    FraudReport r = lock(reportId);
    if (FraudReport.OPEN.equals(r.status())) {
      Instant now = clock.instant();
      Long listed = blocklist.addReported(new Blocklist.Subject(r.kind(), r.valueIndex(), r.masked()), "fraud report " + r.id(), SYSTEM).orElse(null);
      // Whole seconds: the model's timer reads it as a FEEL date and time.
      Instant appealBy = r.ownerId() == null ? null : now.plus(properties.appealWindow()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      jdbc.update("UPDATE fraud_report SET status = 'VERIFIED', decision_note = ?, decided_at = ?, blocklist_id = ?, appeal_by = ? WHERE id = ?",
          reviewNote, Timestamp.from(now), listed, appealBy == null ? null : Timestamp.from(appealBy), r.id());
      r = lock(reportId);
      if (r.ownerId() != null) {
        mail(r, "VERIFIED");
      }
    }
    return r.ownerId() == null ? Map.of("ownerIsMember", false) : Map.of("ownerIsMember", true, "appealBy", r.appealBy().toString());
  }

  /** The window closed without an appeal; an appeal that lost the race to the timer is recorded as too late. */
  @JobWorker(type = "fraud-close-appeal-window", fetchVariables = "reportId")
  @Transactional
  public void closeAppealWindow(@Variable String reportId) {
    FraudReport r = lock(reportId);
    if (FraudReport.APPEALED.equals(r.status())) {
      jdbc.update("UPDATE fraud_report SET status = 'VERIFIED' WHERE id = ?", r.id());
      audit.record(new AuditEvent(null, SYSTEM, "FRAUD_APPEAL_TOO_LATE", "fraud-report", reportId, "DENIED", null, null, r.masked()));
    } else {
      audit.record(new AuditEvent(null, SYSTEM, "FRAUD_APPEAL_WINDOW_CLOSED", "fraud-report", reportId, "ALLOWED", null, null, r.masked()));
    }
  }

  /** The appeal succeeded: the block this report put there is lifted unless another verified report still stands. */
  @JobWorker(type = "fraud-normalise-number", fetchVariables = {"reportId", "appealNote"})
  @Transactional
  public void normalise(@Variable String reportId, @Variable(optional = true) String appealNote) {
    FraudReport r = lock(reportId);
    if (!FraudReport.APPEALED.equals(r.status())) {
      return;
    }
    jdbc.update("UPDATE fraud_report SET status = 'NORMALISED', appeal_note = ?, appeal_decided_at = ? WHERE id = ?", appealNote, now(), r.id());
    boolean othersStand = Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM fraud_report WHERE kind = ? AND value_index = ? AND id <> ? AND status IN ('VERIFIED', 'APPEALED', 'UPHELD'))",
        Boolean.class, r.kind(), r.valueIndex(), r.id()));
    if (r.blocklistId() != null && !othersStand) {
      blocklist.lift(r.blocklistId(), SYSTEM, "appeal of fraud report " + r.id() + " normalised");
    }
    mail(r, "NORMALISED");
  }

  @JobWorker(type = "fraud-uphold-report", fetchVariables = {"reportId", "appealNote"})
  @Transactional
  public void uphold(@Variable String reportId, @Variable(optional = true) String appealNote) {
    FraudReport r = lock(reportId);
    if (FraudReport.APPEALED.equals(r.status())) {
      jdbc.update("UPDATE fraud_report SET status = 'UPHELD', appeal_note = ?, appeal_decided_at = ? WHERE id = ?", appealNote, now(), r.id());
      mail(r, "UPHELD");
    }
  }

  private void mail(FraudReport r, String event) {
    AppUser owner = users.findById(r.ownerId()).orElseThrow();
    outbox.enqueue("fraud:" + r.id() + ":" + event, null, owner.getEmail(), owner.getLocale(), "trust/" + event,
        Map.of("name", owner.getDisplayName(), "number", r.masked(), "deadline", r.appealBy() == null ? "" : r.appealBy(),
            "link", urls.of("/laporan/" + r.id())));
  }

  private FraudReport lock(String reportId) {
    return reports.lock(UUID.fromString(reportId)).orElseThrow(() -> Refusal.notFound("fraud.report.not-found", reportId));
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
