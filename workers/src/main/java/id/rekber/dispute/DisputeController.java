package id.rekber.dispute;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.FormInvalidException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Disputes for buyers and sellers (bearer token, member role). The seller's response and the
 * buyer's answer are also posted as JSON by the form on the dispute page (session and CSRF), which
 * is why those two answer on /deals/… as well. Commands answer 202: the process moves on in moments.
 */
@RestController
class DisputeController {
  private final DisputeService disputes;
  private final DisputeTimeline timeline;
  private final CurrentUser currentUser;

  DisputeController(DisputeService disputes, DisputeTimeline timeline, CurrentUser currentUser) {
    this.disputes = disputes;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/deals/{id}/dispute")
  ResponseEntity<DisputeView> open(@PathVariable String id, @RequestBody Map<String, Object> body) {
    AppUser user = currentUser.get();
    String reason = body.get("reason") == null ? null : body.get("reason").toString();
    Object milestone = body.get("milestone");
    if (milestone == null) {
      disputes.open(user, id, reason);
    } else {
      disputes.openOnMilestone(user, id, milestoneNumber(milestone), reason);
    }
    return accepted(user, id);
  }

  /** A milestone's number, 1–10 (a JSON number or its text); anything else is a field error. */
  static int milestoneNumber(Object value) {
    String text = value.toString().trim();
    if (!text.matches("\\d{1,2}")) {
      throw new FormInvalidException(Map.of("milestone", "milestone.number-invalid"));
    }
    return Integer.parseInt(text);
  }

  @GetMapping("/api/deals/{id}/dispute")
  DisputeView get(@PathVariable String id) {
    return view(currentUser.get(), id);
  }

  @PostMapping({"/api/deals/{id}/dispute/response", "/deals/{id}/dispute/response"})
  ResponseEntity<DisputeView> respond(@PathVariable String id, @RequestBody Map<String, Object> form) {
    AppUser user = currentUser.get();
    disputes.respond(user, id, form);
    return accepted(user, id);
  }

  @PostMapping({"/api/deals/{id}/dispute/offer-answer", "/deals/{id}/dispute/offer-answer"})
  ResponseEntity<DisputeView> answerOffer(@PathVariable String id, @RequestBody Map<String, Object> form) {
    AppUser user = currentUser.get();
    disputes.answerOffer(user, id, form);
    return accepted(user, id);
  }

  @PostMapping("/api/deals/{id}/dispute/return-shipment")
  ResponseEntity<DisputeView> returnShipped(@PathVariable String id, @RequestBody Map<String, String> body) {
    AppUser user = currentUser.get();
    disputes.returnShipped(user, id, body.get("courier"), body.get("trackingNumber"));
    return accepted(user, id);
  }

  @PostMapping("/api/deals/{id}/dispute/return-received")
  ResponseEntity<DisputeView> returnReceived(@PathVariable String id) {
    AppUser user = currentUser.get();
    disputes.returnReceived(user, id);
    return accepted(user, id);
  }

  @PostMapping("/api/deals/{id}/dispute/messages")
  ResponseEntity<DisputeView> message(@PathVariable String id, @RequestBody Map<String, String> body) {
    AppUser user = currentUser.get();
    disputes.message(user, id, body.get("text"));
    return ResponseEntity.status(201).body(view(user, id));
  }

  @PostMapping("/api/deals/{id}/dispute/evidence")
  ResponseEntity<Map<String, Object>> upload(@PathVariable String id, @RequestParam("file") MultipartFile file) {
    AppUser user = currentUser.get();
    try {
      long entry = disputes.upload(user, id, file.getOriginalFilename(), file.getBytes());
      return ResponseEntity.status(201).body(Map.of("id", entry, "url", EvidenceController.apiUrl(id, entry)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ResponseEntity<DisputeView> accepted(AppUser user, String id) {
    return ResponseEntity.accepted().body(view(user, id));
  }

  private DisputeView view(AppUser user, String id) {
    Dispute d = disputes.view(user, id);
    List<EntryView> entries = timeline.of(id).stream()
        .map(e -> new EntryView(e.kind(), e.author(), e.authorRole(), e.text(), e.at(),
            e.isEvidence() ? EvidenceController.apiUrl(id, e.id()) : null, e.contentType()))
        .toList();
    return new DisputeView(d.dealId(), d.reason(), d.stage().name(), d.stageDeadline(), d.stageAnswered(), d.sellerResponse(),
        d.offerAmount(), d.offerAnswer(), d.outcome(), d.buyerAmount(), d.sellerAmount(), d.resolvedAt(), d.milestoneSeq(), entries);
  }

  record DisputeView(String dealId, String reason, String stage, Instant stageDeadline, boolean stageAnswered,
      String sellerResponse, Long offerAmount, String offerAnswer, String outcome, Long buyerAmount, Long sellerAmount,
      Instant resolvedAt, Integer milestone, List<EntryView> timeline) {}

  record EntryView(String kind, String author, String authorRole, String text, Instant at, String fileUrl, String contentType) {}
}
