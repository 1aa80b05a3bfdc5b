package id.rekber.audit;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read the audit trail (the API chain restricts /api/admin/** to the admin role). */
@RestController
class AuditController {
  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/api/admin/audit")
  List<AuditEvent> latest(@RequestParam(defaultValue = "100") int limit) {
    return trail.latest(Math.max(1, Math.min(limit, 1000)));
  }
}
