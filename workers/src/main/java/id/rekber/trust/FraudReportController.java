package id.rekber.trust;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Fraud reports and appeals by members (role member: the API chain), and hiding a review (admins,
 * under /api/admin). A report is visible to its reporter and the number's owner only.
 */
@RestController
class FraudReportController {
  private final FraudReports reports;
  private final Reviews reviews;
  private final CurrentUser currentUser;

  FraudReportController(FraudReports reports, Reviews reviews, CurrentUser currentUser) {
    this.reports = reports;
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  /** Multipart: kind (BANK_ACCOUNT or PHONE), bankCode, number, description, dealId (optional), files (1 to 5). */
  @PostMapping(path = "/api/fraud-reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ReportView> file(@RequestParam(required = false) String kind, @RequestParam(required = false) String bankCode,
      @RequestParam(required = false) String number, @RequestParam(required = false) String description,
      @RequestParam(required = false) String dealId, @RequestParam(name = "files", required = false) List<MultipartFile> files) {
    FraudReport report = reports.file(member(), new FraudReports.Filing(kind, bankCode, number, description, dealId), uploads(files));
    return ResponseEntity.status(201).body(ReportView.of(report));
  }

  @GetMapping("/api/fraud-reports/{id}")
  ReportView get(@PathVariable UUID id) {
    return ReportView.of(reports.visibleTo(member(), id));
  }

  @PostMapping(path = "/api/fraud-reports/{id}/appeal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ReportView appeal(@PathVariable UUID id, @RequestParam(required = false) String text,
      @RequestParam(name = "files", required = false) List<MultipartFile> files) {
    return ReportView.of(reports.appeal(member(), id, text, uploads(files)));
  }

  /** {@code {"rating": 5, "text": "…"}}; only a party of a completed deal, once. */
  @PostMapping("/api/deals/{id}/review")
  ResponseEntity<Reviews.Review> rate(@PathVariable String id, @RequestBody Map<String, Object> body) {
    Object rating = body.get("rating");
    Integer stars = rating instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    Object text = body.get("text");
    return ResponseEntity.status(201).body(reviews.rate(currentUser.get(), id, stars, text == null ? null : text.toString()));
  }

  /** {@code {"reason": "…"}} */
  @PostMapping("/api/admin/reviews/{id}/hide")
  Reviews.Review hide(@PathVariable long id, @RequestBody Map<String, String> body) {
    return reviews.hide(currentUser.get().getEmail(), id, body.get("reason"));
  }

  private AppUser member() {
    if (!currentUser.roles().contains("member")) {
      throw Refusal.forbidden("fraud.report.members-only");
    }
    return currentUser.get();
  }

  static List<Evidence.Upload> uploads(List<MultipartFile> files) {
    return files == null ? List.of() : files.stream().map(f -> {
      try {
        return new Evidence.Upload(f.getOriginalFilename(), f.getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  /** A report as its reporter or owner sees it: masked number, status, dates; not who reported it. */
  record ReportView(UUID id, String kind, String masked, String status, String decisionNote, java.time.Instant createdAt,
      java.time.Instant decidedAt, java.time.Instant appealBy, java.time.Instant appealedAt, String appealNote) {
    static ReportView of(FraudReport r) {
      return new ReportView(r.id(), r.kind(), r.masked(), r.status(), r.decisionNote(), r.createdAt(), r.decidedAt(), r.appealBy(), r.appealedAt(),
          r.appealNote());
    }
  }
}
