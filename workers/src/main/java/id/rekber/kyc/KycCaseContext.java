package id.rekber.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.inbox.CaseContext;
import id.rekber.inbox.StaffTask;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance officer's case panel for a KYC review: the submission in full (the only place NIK,
 * birth date and account number are shown unmasked, and every view is audited), the photos through
 * the staff-only document endpoint, the automated check results and the DMN's reasons side by side.
 */
@Component
class KycCaseContext implements CaseContext {
  private final KycSubmissionRepository submissions;
  private final KycService kyc;
  private final AppUserRepository users;
  private final AuditTrail audit;
  private final ObjectMapper json;

  KycCaseContext(KycSubmissionRepository submissions, KycService kyc, AppUserRepository users, AuditTrail audit, ObjectMapper json) {
    this.submissions = submissions;
    this.kyc = kyc;
    this.users = users;
    this.audit = audit;
    this.json = json;
  }

  @Override
  public boolean supports(String bpmnProcessId) {
    return KycProcess.PROCESS_ID.equals(bpmnProcessId);
  }

  @Override
  public String fragment() {
    return "kyc/case :: panel";
  }

  @Override
  @Transactional
  public Map<String, Object> model(StaffTask task, AppUser viewer) {
    KycSubmission s = submissionOf(task).orElseThrow(() -> new IllegalStateException("task " + task.getJobKey() + " has no KYC submission"));
    KycService.PersonalData data = kyc.personalData(s);
    audit.record(new AuditEvent(null, viewer.getEmail(), "KYC_VIEW_FULL", "kyc-submission", s.getId().toString(), "ALLOWED", null, null,
        "case panel of task " + task.getJobKey()));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("kycSubmission", s);
    model.put("kycApplicant", users.findById(s.getUserId()).orElseThrow());
    model.put("kycNik", data.nik());
    model.put("kycBirthDate", data.birthDate());
    model.put("kycBankAccount", data.bankAccountNumber());
    model.put("kycDocuments", kyc.documentsOf(s.getId()));
    model.put("kycChecks", checks(s));
    model.put("kycRiskReasons", s.getRiskReasons() == null ? List.of() : Arrays.asList(s.getRiskReasons().split(",")));
    return model;
  }

  /** Nobody decides their own KYC. */
  @Override
  @Transactional(readOnly = true)
  public Optional<String> refusal(StaffTask task, AppUser staff) {
    return submissionOf(task).filter(s -> s.getUserId().equals(staff.getId())).map(s -> "kyc.officer-is-applicant");
  }

  /** Rejecting or asking for resubmission needs a reason the member can act on. */
  @Override
  public Map<String, String> validate(StaffTask task, Map<String, Object> submitted) {
    Object decision = submitted.get("reviewDecision");
    Object note = submitted.get("reviewNote");
    boolean needsReason = "REJECT".equals(decision) || "RESUBMIT".equals(decision);
    if (needsReason && (note == null || note.toString().trim().length() < 10)) {
      return Map.of("reviewNote", "kyc.review.reason-required");
    }
    return Map.of();
  }

  Optional<KycSubmission> submissionOf(StaffTask task) {
    try {
      JsonNode id = json.readTree(task.getVariables()).path("submissionId");
      return id.isTextual() ? submissions.findById(UUID.fromString(id.asText())) : Optional.empty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** A check's result as readable "field: value" pairs rather than raw JSON. */
  private static Map<String, String> facts(JsonNode result) {
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    if (!result.isObject()) {
      facts.put("result", result.asText());
      return facts;
    }
    result.fields().forEachRemaining(f -> {
      JsonNode v = f.getValue();
      String text = v.isArray() && v.isEmpty() ? "–" : v.isValueNode() ? v.asText() : v.toString();
      facts.put(f.getKey(), text);
    });
    return facts;
  }

  private List<Map<String, Object>> checks(KycSubmission s) {
    try {
      JsonNode all = s.getCheckResults() == null ? json.createObjectNode() : json.readTree(s.getCheckResults());
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      all.fields().forEachRemaining(e -> rows.add(Map.of("name", e.getKey(), "facts", facts(e.getValue()))));
      return rows;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of();
    }
  }
}
