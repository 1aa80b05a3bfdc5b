package id.rekber.kyc;

import id.rekber.privacy.PersonalDataCipher;
import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.identity.AppUser;
import id.rekber.platform.EngineCommands;
import id.rekber.platform.ProcessInstanceStarted;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's KYC: submit (or resubmit when compliance asked for it), see it masked, export it in
 * full. The checks and the decision belong to the kyc-approval process.
 */
@Service
public class KycService {
  private final KycSubmissionRepository submissions;
  private final KycDocumentRepository documents;
  private final PersonalDataCipher cipher;
  private final EngineCommands commands;
  private final JdbcTemplate jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  KycService(KycSubmissionRepository submissions, KycDocumentRepository documents, PersonalDataCipher cipher, EngineCommands commands,
      JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
    this.submissions = submissions;
    this.documents = documents;
    this.cipher = cipher;
    this.commands = commands;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public KycSubmission submit(AppUser user, KycForm form) {
    if (user.getKycTier() >= 1) {
      throw Refusal.conflict("kyc.already-verified");
    }
    Instant now = clock.instant();
    Optional<KycSubmission> latest = submissions.findTopByUserIdOrderBySubmittedAtDesc(user.getId());
    if (latest.isPresent() && latest.get().getStatus().isOpen() && latest.get().getStatus() != KycStatus.RESUBMISSION_REQUESTED) {
      throw Refusal.conflict("kyc.already-submitted");
    }
    boolean resubmission = latest.isPresent() && latest.get().getStatus() == KycStatus.RESUBMISSION_REQUESTED;
    KycSubmission submission = resubmission ? submissions.findForUpdate(latest.get().getId()).orElseThrow() : new KycSubmission(user.getId(), now);
    if (resubmission && submission.getStatus() != KycStatus.RESUBMISSION_REQUESTED) {
      throw Refusal.conflict("kyc.already-submitted");
    }
    submission.fill(form, cipher, now);
    submissions.saveAndFlush(submission);
    if (resubmission) {
      documents.deleteBySubmission(submission.getId());
      documents.flush();
    }
    documents.save(new KycDocument(submission.getId(), KycDocument.KTP, form.ktpPhoto(), cipher, now));
    documents.save(new KycDocument(submission.getId(), KycDocument.SELFIE, form.selfie(), cipher, now));
    String id = submission.getId().toString();
    // Through the engine outbox: sent once this commits, so the workers find the submission.
    if (resubmission) {
      commands.publish(KycProcess.RESUBMITTED, id, KycProcess.RESUBMITTED + ":" + id + ":" + now.toEpochMilli(), Map.of());
    } else {
      commands.start(KycProcess.PROCESS_ID, id, Map.of("submissionId", id));
    }
    return submission;
  }

  @EventListener
  void started(ProcessInstanceStarted started) {
    if (KycProcess.PROCESS_ID.equals(started.processId())) {
      jdbc.update("UPDATE kyc_submission SET process_instance_key = ? WHERE id = ?", started.processInstanceKey(), UUID.fromString(started.reference()));
    }
  }

  @Transactional(readOnly = true)
  public Optional<KycSubmission> latest(AppUser user) {
    return submissions.findTopByUserIdOrderBySubmittedAtDesc(user.getId());
  }

  /** Everything we hold about the member's KYC, in full: their right of access (UU PDP art. 7). */
  @Transactional
  public Map<String, Object> export(AppUser user) {
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("email", user.getEmail());
    export.put("displayName", user.getDisplayName());
    export.put("kycTier", user.getKycTier());
    export.put("payoutAccount", user.hasPayoutAccount() ? Map.of("bankCode", user.getBankCode(), "accountNumber", user.getBankAccountNumber(), "accountName", user.getBankAccountName()) : null);
    export.put("submissions", submissions.findByUserIdOrderBySubmittedAtDesc(user.getId()).stream().map(this::full).toList());
    export.put("exportedAt", clock.instant().toString());
    audit.record(new AuditEvent(null, user.getEmail(), "KYC_EXPORT", "user", user.getId().toString(), "ALLOWED", null, null, "own data export"));
    return export;
  }

  private Map<String, Object> full(KycSubmission s) {
    Map<String, Object> out = new LinkedHashMap<>();
    PersonalData data = personalData(s);
    out.put("id", s.getId());
    out.put("status", s.getStatus());
    out.put("fullName", s.getFullName());
    out.put("gender", s.getGender());
    out.put("birthDate", data.birthDate());
    out.put("nik", data.nik());
    out.put("phone", s.getPhone());
    out.put("bankCode", s.getBankCode());
    out.put("bankAccountNumber", data.bankAccountNumber());
    out.put("submittedAt", s.getSubmittedAt());
    out.put("decidedAt", s.getDecidedAt());
    out.put("decisionNote", s.getDecisionNote());
    out.put("riskReasons", s.getRiskReasons());
    out.put("purgedAt", s.getPurgedAt());
    out.put("documents", documents.findBySubmissionIdOrderByKind(s.getId()).stream()
        .map(d -> Map.of("kind", d.getKind(), "contentType", d.getContentType(), "base64", Base64.getEncoder().encodeToString(cipher.decrypt(d.getContentEnc()))))
        .toList());
    return out;
  }

  /** Decrypted personal data of a submission; callers decide who may see it and audit it. */
  PersonalData personalData(KycSubmission s) {
    String birth = cipher.decryptString(s.getBirthDateEnc());
    return new PersonalData(cipher.decryptString(s.getNikEnc()), birth == null ? null : LocalDate.parse(birth), cipher.decryptString(s.getBankAccountEnc()));
  }

  List<KycDocument> documentsOf(UUID submissionId) {
    return documents.findBySubmissionIdOrderByKind(submissionId);
  }

  byte[] content(KycDocument document) {
    return cipher.decrypt(document.getContentEnc());
  }

  record PersonalData(String nik, LocalDate birthDate, String bankAccountNumber) {}
}
