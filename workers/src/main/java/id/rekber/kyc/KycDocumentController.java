package id.rekber.kyc;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * KTP photos and selfies for compliance officers and admins only (mediators are staff but have no
 * business here). Ids are random UUIDs; each view is audited; nothing is cached.
 */
@RestController
class KycDocumentController {
  private final KycDocumentRepository documents;
  private final KycService kyc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  KycDocumentController(KycDocumentRepository documents, KycService kyc, CurrentUser currentUser, AuditTrail audit) {
    this.documents = documents;
    this.kyc = kyc;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping("/staff/kyc/documents/{id}")
  @Transactional
  ResponseEntity<byte[]> document(@PathVariable UUID id) {
    String viewer = currentUser.get().getEmail();
    if (currentUser.roles().stream().noneMatch(r -> r.equals("compliance") || r.equals("admin"))) {
      audit.record(new AuditEvent(null, viewer, "KYC_DOCUMENT_VIEW", "kyc-document", id.toString(), "REFUSED", 403, null, null));
      throw Refusal.forbidden("kyc.document.compliance-only");
    }
    KycDocument document = documents.findById(id).orElseThrow(() -> Refusal.notFound("kyc.document.not-found"));
    audit.record(new AuditEvent(null, viewer, "KYC_DOCUMENT_VIEW", "kyc-document", id.toString(), "ALLOWED", 200, null,
        document.getKind() + " of submission " + document.getSubmissionId()));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.getContentType()))
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .body(kyc.content(document));
  }
}
