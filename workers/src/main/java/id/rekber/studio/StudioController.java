package id.rekber.studio;

import id.rekber.identity.CurrentUser;
import id.rekber.inbox.Inbox;
import id.rekber.inbox.StaffTask;
import id.rekber.platform.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The process studio over the API (roles analyst and admin; reviewing: admin only): under
 * {@code /api/studio} for bearer tokens, and the same under {@code /studio/api} for the studio's
 * pages (session and CSRF token).
 */
@RestController
class StudioController {
  private final Studio studio;
  private final StudioVersions versions;
  private final CurrentUser currentUser;
  private final Inbox inbox;

  StudioController(Studio studio, StudioVersions versions, CurrentUser currentUser, Inbox inbox) {
    this.studio = studio;
    this.versions = versions;
    this.currentUser = currentUser;
    this.inbox = inbox;
  }

  record DraftRequest(String resourceName, String content, Long baseKey, String comment) {}

  record Reason(String reason) {}

  record ReviewRequest(boolean approve, String reason) {}

  record Submission(String status, List<Finding> findings) {}

  @GetMapping({"/api/studio/versions", "/studio/api/versions"})
  List<StudioVersion> versions(@RequestParam(required = false) String resourceName) {
    return resourceName == null ? versions.all() : versions.of(resourceName);
  }

  @GetMapping({"/api/studio/versions/{key}/download", "/studio/api/versions/{key}/download"})
  ResponseEntity<byte[]> download(@PathVariable long key) {
    StudioVersion version = versions.byKey(key).orElseThrow(() -> Refusal.notFound("studio.version-not-found"));
    byte[] content = versions.content(key).orElseThrow().getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(version.resourceName()).build().toString())
        .contentType(version.resourceName().endsWith(".form") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML)
        .body(content);
  }

  @GetMapping({"/api/studio/diff", "/studio/api/diff"})
  List<LineDiff.Line> diff(@RequestParam long from, @RequestParam long to) {
    String before = versions.content(from).orElseThrow(() -> Refusal.notFound("studio.version-not-found"));
    String after = versions.content(to).orElseThrow(() -> Refusal.notFound("studio.version-not-found"));
    return LineDiff.changes(before, after);
  }

  @GetMapping({"/api/studio/drafts", "/studio/api/drafts"})
  List<Draft> drafts() {
    return studio.openDrafts();
  }

  @PostMapping({"/api/studio/drafts", "/studio/api/drafts"})
  ResponseEntity<Draft> create(@RequestBody DraftRequest request) {
    long id = studio.create(request.resourceName(), request.content(), request.baseKey(), user(), request.comment());
    return ResponseEntity.status(HttpStatus.CREATED).body(studio.draft(id));
  }

  /** Rolling back: a draft holding an earlier version, which then goes through the same approval. */
  @PostMapping({"/api/studio/versions/{key}/rollback", "/studio/api/versions/{key}/rollback"})
  ResponseEntity<Draft> rollback(@PathVariable long key, @RequestBody Reason comment) {
    StudioVersion version = versions.byKey(key).orElseThrow(() -> Refusal.notFound("studio.version-not-found"));
    long id = studio.create(version.resourceName(), versions.content(key).orElseThrow(), key, user(),
        "rollback to version " + version.version() + (comment.reason() == null ? "" : ": " + comment.reason()));
    return ResponseEntity.status(HttpStatus.CREATED).body(studio.draft(id));
  }

  @GetMapping({"/api/studio/drafts/{id}", "/studio/api/drafts/{id}"})
  Draft draft(@PathVariable long id) {
    return studio.draft(id);
  }

  @PutMapping({"/api/studio/drafts/{id}", "/studio/api/drafts/{id}"})
  Draft update(@PathVariable long id, @RequestBody DraftRequest request) {
    studio.update(id, request.content(), request.comment(), user());
    return studio.draft(id);
  }

  @DeleteMapping({"/api/studio/drafts/{id}", "/studio/api/drafts/{id}"})
  ResponseEntity<Void> discard(@PathVariable long id) {
    studio.discard(id, user());
    return ResponseEntity.noContent().build();
  }

  @PostMapping({"/api/studio/drafts/{id}/check", "/studio/api/drafts/{id}/check"})
  List<Finding> check(@PathVariable long id) {
    return studio.check(studio.draft(id));
  }

  @PostMapping({"/api/studio/drafts/{id}/submit", "/studio/api/drafts/{id}/submit"})
  ResponseEntity<Submission> submit(@PathVariable long id, @RequestBody Reason reason) {
    List<Finding> findings = studio.submit(id, reason.reason(), user());
    boolean refused = findings.stream().anyMatch(Finding::error);
    return ResponseEntity.status(refused ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.ACCEPTED)
        .body(new Submission(refused ? "REFUSED" : Draft.SUBMITTED, findings));
  }

  /** An admin who is not the author approves or rejects; this completes the approval process's review task. */
  @PostMapping({"/api/studio/drafts/{id}/review", "/studio/api/drafts/{id}/review"})
  ResponseEntity<Draft> review(@PathVariable long id, @RequestBody ReviewRequest request) {
    Draft draft = studio.draft(id);
    String reviewer = user();
    StaffTask task = draft.approvalInstance() == null ? null : inbox.openTasks(currentUser.roles()).stream()
        .filter(t -> t.getProcessInstanceKey() == draft.approvalInstance()).findFirst().orElse(null);
    if (draft.author().equals(reviewer)) {
      studio.review(id, reviewer, request.approve(), request.reason()); // refuses and records the refusal
    }
    if (task == null) {
      throw Refusal.conflict("studio.draft-not-submitted");
    }
    studio.review(id, reviewer, request.approve(), request.reason());
    inbox.complete(task.getJobKey(), currentUser.roles(), currentUser.get(),
        Map.of("approved", request.approve(), "reviewReason", request.reason()));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(studio.draft(id));
  }

  private String user() {
    return currentUser.get().getEmail();
  }
}
