package id.rekber.dispute;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a dispute's evidence file to those allowed (see {@link EvidenceAccess}), API or web; every
 * read is audited. Anyone else gets 404, as for a file that does not exist. Files are sent as attachments, never rendered inline from our origin.
 */
@RestController
class EvidenceController {
  private final DisputeTimeline timeline;
  private final EvidenceAccess access;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  EvidenceController(DisputeTimeline timeline, EvidenceAccess access, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.timeline = timeline;
    this.access = access;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  static String apiUrl(String dealId, long entryId) {
    return "/api/disputes/" + dealId + "/evidence/" + entryId;
  }

  static String webUrl(String dealId, long entryId) {
    return "/disputes/" + dealId + "/evidence/" + entryId;
  }

  @GetMapping({"/api/disputes/{dealId}/evidence/{entryId}", "/disputes/{dealId}/evidence/{entryId}"})
  ResponseEntity<byte[]> read(@PathVariable String dealId, @PathVariable long entryId) {
    AppUser user = currentUser.get();
    if (!access.mayRead(user, currentUser.roles(), dealId)) {
      // The same answer as for a file or deal that does not exist: ids cannot be probed. Only the
      // audit trail tells the two apart.
      throw access.dealExists(dealId)
          ? Refusal.notFoundConcealing("dispute.evidence-forbidden", "dispute.evidence-not-found")
          : Refusal.notFound("dispute.evidence-not-found");
    }
    DisputeTimeline.Evidence file = timeline.evidence(dealId, entryId).orElseThrow(() -> Refusal.notFound("dispute.evidence-not-found"));
    audit.record(new AuditEvent(clock.instant(), user.getEmail(), "dispute.evidence-read", "deal", dealId, "READ", 200, null,
        "evidence " + entryId));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
        .body(file.content());
  }
}
