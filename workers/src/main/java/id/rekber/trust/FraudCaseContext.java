package id.rekber.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.identity.AppUser;
import id.rekber.inbox.CaseContext;
import id.rekber.inbox.StaffTask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The staff panel beside a fraud report's tasks: the description, the appeal and the evidence. Who
 * may not decide: the reporter or the number's owner, and for the appeal the officer who verified
 * the report (the second reviewer must be someone else).
 */
@Component
class FraudCaseContext implements CaseContext {
  private final FraudReports reports;
  private final AuditTrail audit;
  private final ObjectMapper json;

  FraudCaseContext(FraudReports reports, AuditTrail audit, ObjectMapper json) {
    this.reports = reports;
    this.audit = audit;
    this.json = json;
  }

  @Override
  public boolean supports(String bpmnProcessId) {
    return FraudProcess.PROCESS_ID.equals(bpmnProcessId);
  }

  @Override
  public String fragment() {
    return "trust/case :: panel";
  }

  @Override
  public Map<String, Object> model(StaffTask task, AppUser viewer) {
    FraudReport report = reportOf(task).orElseThrow(() -> new IllegalStateException("task " + task.getJobKey() + " has no fraud report"));
    audit.record(new AuditEvent(null, viewer.getEmail(), "FRAUD_CASE_VIEW", "fraud-report", report.id().toString(), "ALLOWED", null, null,
        "case panel of task " + task.getJobKey()));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("fraudReport", report);
    model.put("fraudEvidence", reports.evidenceOf(report.id()));
    return model;
  }

  @Override
  public Optional<String> refusal(StaffTask task, AppUser staff) {
    Optional<FraudReport> report = reportOf(task);
    if (report.isEmpty()) {
      return Optional.empty();
    }
    FraudReport r = report.get();
    if (staff.getId().equals(r.reporterId()) || staff.getId().equals(r.ownerId())) {
      return Optional.of("fraud.reviewer-is-party");
    }
    if (FraudProcess.APPEAL_TASK.equals(task.getElementId()) && staff.getEmail().equalsIgnoreCase(String.valueOf(r.verifiedBy()))) {
      return Optional.of("fraud.appeal.second-reviewer");
    }
    return Optional.empty();
  }

  Optional<FraudReport> reportOf(StaffTask task) {
    try {
      JsonNode id = json.readTree(task.getVariables()).path("reportId");
      return id.isTextual() ? reports.get(UUID.fromString(id.asText())) : Optional.empty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
