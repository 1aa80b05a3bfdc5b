package id.rekber.kyc;

import id.rekber.notification.Formats;
import id.rekber.platform.Languages;
import id.rekber.platform.PublicUrl;
import id.rekber.privacy.Masking;
import io.camunda.client.api.response.ActivatedJob;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What kyc-approval decided, applied to the submission and the member: the tier changes at once and
 * the member gets a mail. Idempotent: a redelivered job finds the outcome already applied.
 */
@Component
public class KycOutcomes {
  static final String SYSTEM = "system:kyc-risk";

  private final KycSubmissionRepository submissions;
  private final AppUserRepository users;
  private final KycService kyc;
  private final KycMails mails;
  private final KycProperties properties;
  private final ObjectMapper json;
  private final PublicUrl urls;
  private final Clock clock;

  @SuppressWarnings("java:S107")
  KycOutcomes(KycSubmissionRepository submissions, AppUserRepository users, KycService kyc, KycMails mails, KycProperties properties, ObjectMapper json,
      PublicUrl urls, Clock clock) {
    this.submissions = submissions;
    this.users = users;
    this.kyc = kyc;
    this.mails = mails;
    this.properties = properties;
    this.json = json;
    this.urls = urls;
    this.clock = clock;
  }

  /** Keeps the DMN's verdict on the submission for the officer, and clears the previous round's review. */
  @JobWorker(type = "kyc-record-risk", fetchVariables = {"submissionId", "riskDecision", "riskReasons"})
  @Transactional
  public Map<String, Object> recordRisk(@Variable String submissionId, @Variable String riskDecision, @Variable List<String> riskReasons,
      ActivatedJob job) {
    KycSubmission s = lock(submissionId);
    s.recordRisk(riskDecision, String.join(",", riskReasons));
    if ("MANUAL_REVIEW".equals(riskDecision) && s.getStatus() == KycStatus.CHECKING) {
      s.inReview();
    }
    Map<String, Object> cleared = new HashMap<>();
    cleared.put("reviewDecision", null);
    cleared.put("reviewNote", null);
    // The review form's facts for Tasklist: masked only, never personal data in the engine (decision 28).
    cleared.put("caseUrl", urls.staffCase(job.getProcessInstanceKey()));
    cleared.put("caseApplicant", Masking.name(s.getFullName()));
    cleared.put("caseNik", Masking.nik(kyc.personalData(s).nik()));
    cleared.put("caseSubmittedAt", Formats.wib(s.getSubmittedAt(), Languages.INDONESIAN));
    cleared.put("caseRisk", riskDecision + (riskReasons.isEmpty() ? "" : ": " + String.join(", ", riskReasons)));
    return cleared;
  }

  @JobWorker(type = "kyc-approve", fetchVariables = {"submissionId", "reviewDecision", "reviewNote"})
  @Transactional
  public void approve(@Variable String submissionId, @Variable(optional = true) String reviewDecision, @Variable(optional = true) String reviewNote) {
    KycSubmission s = lock(submissionId);
    if (s.getStatus() == KycStatus.APPROVED) {
      return;
    }
    s.decide(KycStatus.APPROVED, reviewNote, reviewDecision == null ? SYSTEM : null, clock.instant());
    AppUser user = users.findById(s.getUserId()).orElseThrow();
    String holder = KycChecks.holderName(json, s).orElse(s.getFullName().toUpperCase(java.util.Locale.ROOT));
    // The verified account becomes the payout account; tier 1 from this moment.
    user.changePayoutAccount(s.getBankCode(), kyc.personalData(s).bankAccountNumber(), holder);
    user.changeKycTier(1);
    mails.send(user, s, "APPROVED", reviewNote);
  }

  @JobWorker(type = "kyc-reject", fetchVariables = {"submissionId", "reviewDecision", "reviewNote", "riskReasons"})
  @Transactional
  public void reject(@Variable String submissionId, @Variable(optional = true) String reviewDecision, @Variable(optional = true) String reviewNote,
      @Variable(optional = true) List<String> riskReasons) {
    KycSubmission s = lock(submissionId);
    if (s.getStatus() == KycStatus.REJECTED) {
      return;
    }
    boolean byOfficer = reviewDecision != null;
    String note = byOfficer ? reviewNote : String.join(", ", riskReasons == null ? List.of() : riskReasons);
    s.decide(KycStatus.REJECTED, note, byOfficer ? null : SYSTEM, clock.instant());
    if (byOfficer) {
      mails.send(user(s), s, "REJECTED", note);
    } else {
      mails.sendReasons(user(s), s, "REJECTED", riskReasons == null ? List.of() : riskReasons);
    }
  }

  /** Returns the absolute deadline {@code resubmitBy}: the model's timers count from it, also after a restart. */
  @JobWorker(type = "kyc-request-resubmission", fetchVariables = {"submissionId", "reviewNote"})
  @Transactional
  public Map<String, Object> requestResubmission(@Variable String submissionId, @Variable(optional = true) String reviewNote) {
    KycSubmission s = lock(submissionId);
    if (s.getStatus() != KycStatus.RESUBMISSION_REQUESTED) {
      Instant now = clock.instant();
      s.requestResubmission(reviewNote, null, now, now.plus(properties.resubmissionWindow()));
      mails.send(user(s), s, "RESUBMIT", reviewNote);
    }
    return Map.of("resubmitBy", s.getResubmitBy().toString());
  }

  @JobWorker(type = "kyc-remind-resubmission", fetchVariables = "submissionId")
  @Transactional
  public void remind(@Variable String submissionId) {
    KycSubmission s = lock(submissionId);
    if (s.getStatus() == KycStatus.RESUBMISSION_REQUESTED) {
      mails.send(user(s), s, "REMINDER", s.getDecisionNote());
    }
  }

  @JobWorker(type = "kyc-expire-submission", fetchVariables = "submissionId")
  @Transactional
  public void expire(@Variable String submissionId) {
    KycSubmission s = lock(submissionId);
    if (s.getStatus() != KycStatus.RESUBMISSION_REQUESTED) {
      return;
    }
    s.decide(KycStatus.EXPIRED, s.getDecisionNote(), "system:resubmission-timer", clock.instant());
    mails.send(user(s), s, "EXPIRED", null);
  }

  private AppUser user(KycSubmission s) {
    return users.findById(s.getUserId()).orElseThrow();
  }

  private KycSubmission lock(String submissionId) {
    return submissions.findForUpdate(UUID.fromString(submissionId)).orElseThrow(() -> new IllegalStateException("no KYC submission " + submissionId));
  }
}
