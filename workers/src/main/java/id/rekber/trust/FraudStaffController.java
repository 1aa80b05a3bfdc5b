package id.rekber.trust;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * For compliance officers and admins: a report's case (Tasklist forms link here) and its evidence
 * files; mediators are staff but are refused, and every evidence view is audited.
 */
@Controller
class FraudStaffController {
  private final FraudReports reports;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  FraudStaffController(FraudReports reports, CurrentUser currentUser, AuditTrail audit) {
    this.reports = reports;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping("/staff/fraud-reports/{id}")
  String caseOf(@PathVariable UUID id) {
    requireComplianceOrAdmin("fraud-report", id);
    FraudReport report = reports.get(id).filter(r -> r.processInstanceKey() != null)
        .orElseThrow(() -> Refusal.notFound("fraud.report.not-found", id));
    return "redirect:/staff/cases/" + report.processInstanceKey();
  }

  @GetMapping("/staff/fraud-evidence/{id}")
  ResponseEntity<byte[]> evidence(@PathVariable UUID id) {
    requireComplianceOrAdmin("fraud-evidence", id);
    FraudReports.EvidenceContent file = reports.evidenceContent(id).orElseThrow(() -> Refusal.notFound("fraud.evidence.not-found"));
    audit.record(new AuditEvent(null, currentUser.get().getEmail(), "FRAUD_EVIDENCE_VIEW", "fraud-evidence", id.toString(), "ALLOWED", 200, null,
        "of report " + file.reportId()));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "inline")
        .body(file.content());
  }

  private void requireComplianceOrAdmin(String type, UUID id) {
    if (currentUser.roles().stream().noneMatch(r -> r.equals("compliance") || r.equals("admin"))) {
      audit.record(new AuditEvent(null, currentUser.get().getEmail(), "FRAUD_CASE_VIEW", type, id.toString(), "REFUSED", 403, null, null));
      throw Refusal.forbidden("fraud.compliance-only");
    }
  }
}
