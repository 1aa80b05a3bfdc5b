package id.rekber.trust;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.identity.AppUser;
import id.rekber.identity.PhoneNumbers;
import id.rekber.identity.Profiles;
import id.rekber.kyc.Blocklist;
import id.rekber.kyc.VerifiedOwners;
import id.rekber.notification.Formats;
import id.rekber.platform.EngineCommands;
import id.rekber.platform.FormInvalidException;
import id.rekber.platform.Languages;
import id.rekber.platform.ProcessInstanceStarted;
import id.rekber.platform.PublicUrl;
import id.rekber.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members report a bank account or phone number with evidence; the owner of a verified one appeals.
 * Each starts or moves processes/fraud-report.bpmn through the engine outbox, in the same
 * transaction that stored it.
 */
@Service
public class FraudReports {
  private final JdbcTemplate jdbc;
  private final Blocklist blocklist;
  private final VerifiedOwners owners;
  private final Profiles profiles;
  private final EngineCommands commands;
  private final AuditTrail audit;
  private final PublicUrl urls;
  private final TrustProperties properties;
  private final Clock clock;

  @SuppressWarnings("java:S107")
  FraudReports(JdbcTemplate jdbc, Blocklist blocklist, VerifiedOwners owners, Profiles profiles, EngineCommands commands, AuditTrail audit,
      PublicUrl urls, TrustProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.blocklist = blocklist;
    this.owners = owners;
    this.profiles = profiles;
    this.commands = commands;
    this.audit = audit;
    this.urls = urls;
    this.properties = properties;
    this.clock = clock;
  }

  /** What a member typed: BANK_ACCOUNT with a bank code, or PHONE. */
  public record Filing(String kind, String bankCode, String value, String description, String dealId) {}

  @Transactional
  public FraudReport file(AppUser reporter, Filing filing, List<Evidence.Upload> files) {
    Blocklist.Subject subject = blocklist.subject(filing.kind(), filing.bankCode(), filing.value());
    String description = filing.description() == null ? "" : filing.description().trim();
    if (description.length() < 20 || description.length() > 2000) {
      throw new FormInvalidException(Map.of("description", "fraud.description.length"));
    }
    String dealId = filing.dealId() == null || filing.dealId().isBlank() ? null : filing.dealId().trim();
    if (dealId != null && !dealId.matches("[A-Za-z0-9-]{4,16}")) {
      throw new FormInvalidException(Map.of("dealId", "fraud.deal-id.invalid"));
    }
    List<Evidence.Checked> evidence = Evidence.check(files);
    Instant now = clock.instant();
    requireNotLimited(reporter, now);
    Optional<UUID> owner = ownerOf(subject, filing);
    if (owner.filter(reporter.getId()::equals).isPresent()) {
      throw Refusal.invalid("fraud.report.own-number");
    }
    if (Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM fraud_report WHERE reporter_id = ? AND kind = ? AND value_index = ? AND status = 'OPEN')",
        Boolean.class, reporter.getId(), subject.kind(), subject.index()))) {
      throw Refusal.conflict("fraud.report.duplicate");
    }
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO fraud_report (id, reporter_id, kind, value_index, masked, description, deal_id, status, owner_id, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
        id, reporter.getId(), subject.kind(), subject.index(), subject.masked(), description, dealId, owner.orElse(null), Timestamp.from(now));
    store(id, "REPORT", evidence, now);
    audit.record(new AuditEvent(null, reporter.getEmail(), "FRAUD_REPORT_FILED", "fraud-report", id.toString(), "ALLOWED", null, null,
        subject.kind() + " " + subject.masked()));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reportId", id.toString());
    // The review form's facts for Tasklist: masked only (decision 28).
    variables.put("caseNumber", subject.masked());
    variables.put("caseKind", subject.kind());
    variables.put("caseReportedAt", Formats.wib(now, Languages.INDONESIAN));
    variables.put("caseUrl", urls.of("/staff/fraud-reports/" + id));
    commands.start(FraudProcess.PROCESS_ID, id.toString(), variables);
    return get(id).orElseThrow();
  }

  /** The owner's appeal: only theirs, only once, only inside the window; the number shows "dalam sengketa" from now on. */
  @Transactional
  public FraudReport appeal(AppUser owner, UUID reportId, String text, List<Evidence.Upload> files) {
    FraudReport report = lock(reportId).filter(r -> owner.getId().equals(r.ownerId()))
        .orElseThrow(() -> Refusal.notFoundConcealing("not the owner", "fraud.report.not-found", reportId));
    String reason = text == null ? "" : text.trim();
    if (reason.length() < 20 || reason.length() > 2000) {
      throw new FormInvalidException(Map.of("appealText", "fraud.appeal.length"));
    }
    List<Evidence.Checked> evidence = Evidence.check(files);
    Instant now = clock.instant();
    if (!report.appealableAt(now)) {
      throw Refusal.conflict("fraud.appeal.closed");
    }
    jdbc.update("UPDATE fraud_report SET status = 'APPEALED', appeal_text = ?, appealed_at = ? WHERE id = ?", reason, Timestamp.from(now), reportId);
    store(reportId, "APPEAL", evidence, now);
    audit.record(new AuditEvent(null, owner.getEmail(), "FRAUD_APPEAL_FILED", "fraud-report", reportId.toString(), "ALLOWED", null, null, report.masked()));
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseVerifiedBy", report.verifiedBy());
    variables.put("caseAppealedAt", Formats.wib(now, Languages.INDONESIAN));
    commands.publish(FraudProcess.APPEALED, reportId.toString(), FraudProcess.APPEALED + ":" + reportId, variables);
    return get(reportId).orElseThrow();
  }

  @EventListener
  void started(ProcessInstanceStarted started) {
    if (FraudProcess.PROCESS_ID.equals(started.processId())) {
      jdbc.update("UPDATE fraud_report SET process_instance_key = ? WHERE id = ?", started.processInstanceKey(), UUID.fromString(started.reference()));
    }
  }

  @Transactional(readOnly = true)
  public Optional<FraudReport> get(UUID id) {
    return jdbc.query("SELECT * FROM fraud_report WHERE id = ?", FraudReport::row, id).stream().findFirst();
  }

  /** A report its reporter or its owner may see; "not found" for anyone else (decision 22). */
  @Transactional(readOnly = true)
  public FraudReport visibleTo(AppUser member, UUID id) {
    return get(id).filter(r -> member.getId().equals(r.reporterId()) || member.getId().equals(r.ownerId()))
        .orElseThrow(() -> Refusal.notFoundConcealing("not reporter or owner", "fraud.report.not-found", id));
  }

  @Transactional(readOnly = true)
  public List<FraudReport> filedBy(UUID reporter) {
    return jdbc.query("SELECT * FROM fraud_report WHERE reporter_id = ? ORDER BY created_at DESC LIMIT 50", FraudReport::row, reporter);
  }

  /** Verified reports against the member's numbers: the ones they may appeal or have appealed. */
  @Transactional(readOnly = true)
  public List<FraudReport> against(UUID owner) {
    return jdbc.query("SELECT * FROM fraud_report WHERE owner_id = ? AND status NOT IN ('OPEN', 'DISMISSED', 'ABUSIVE') ORDER BY created_at DESC",
        FraudReport::row, owner);
  }

  public Optional<FraudReport> lock(UUID id) {
    return jdbc.query("SELECT * FROM fraud_report WHERE id = ? FOR UPDATE", FraudReport::row, id).stream().findFirst();
  }

  /** N reports dismissed as abusive within the period bar the member from filing for a while (rekber.trust.*). */
  private void requireNotLimited(AppUser reporter, Instant now) {
    List<Timestamp> abusive = jdbc.queryForList(
        "SELECT decided_at FROM fraud_report WHERE reporter_id = ? AND status = 'ABUSIVE' AND decided_at > ? ORDER BY decided_at DESC",
        Timestamp.class, reporter.getId(), Timestamp.from(now.minus(properties.abusiveWithin())));
    if (abusive.size() >= properties.abusiveLimit()) {
      Instant until = abusive.get(0).toInstant().plus(properties.abusiveBar());
      if (now.isBefore(until)) {
        audit.record(new AuditEvent(null, reporter.getEmail(), "FRAUD_REPORT_LIMITED", "app-user", reporter.getId().toString(), "DENIED", null, null,
            abusive.size() + " abusive reports"));
        throw Refusal.forbidden("fraud.report.limited", Formats.wib(until, reporter.getLocale()));
      }
    }
  }

  /** A KYC-verified member with this account or phone, or (for a phone) the member who gave it as theirs. */
  private Optional<UUID> ownerOf(Blocklist.Subject subject, Filing filing) {
    Optional<UUID> verified = owners.of(subject);
    if (verified.isPresent() || !Blocklist.PHONE.equals(subject.kind())) {
      return verified;
    }
    return PhoneNumbers.normalize(filing.value()).flatMap(profiles::byPhone).map(AppUser::getId);
  }

  private void store(UUID reportId, String purpose, List<Evidence.Checked> files, Instant now) {
    for (Evidence.Checked f : files) {
      jdbc.update("INSERT INTO fraud_evidence (id, report_id, purpose, file_name, content_type, size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          UUID.randomUUID(), reportId, purpose, f.fileName(), f.contentType(), f.content().length, f.content(), Timestamp.from(now));
    }
  }

  public record EvidenceFile(UUID id, String purpose, String fileName, String contentType, int sizeBytes) {}

  @Transactional(readOnly = true)
  public List<EvidenceFile> evidenceOf(UUID reportId) {
    return jdbc.query("SELECT id, purpose, file_name, content_type, size_bytes FROM fraud_evidence WHERE report_id = ? ORDER BY created_at, id",
        (rs, i) -> new EvidenceFile(rs.getObject("id", UUID.class), rs.getString("purpose"), rs.getString("file_name"), rs.getString("content_type"),
            rs.getInt("size_bytes")), reportId);
  }

  public record EvidenceContent(UUID reportId, String contentType, byte[] content) {}

  @Transactional(readOnly = true)
  public Optional<EvidenceContent> evidenceContent(UUID evidenceId) {
    return jdbc.query("SELECT report_id, content_type, content FROM fraud_evidence WHERE id = ?",
        (rs, i) -> new EvidenceContent(rs.getObject("report_id", UUID.class), rs.getString("content_type"), rs.getBytes("content")), evidenceId)
        .stream().findFirst();
  }
}
