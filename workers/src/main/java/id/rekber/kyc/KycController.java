package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Problems;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A member's KYC over the API: submit (multipart), see it masked, export it in full. */
@RestController
class KycController {
  private final KycService kyc;
  private final KycFormReader reader;
  private final TierPolicy limits;
  private final CurrentUser currentUser;
  private final Problems problems;
  private final MessageSource messages;

  KycController(KycService kyc, KycFormReader reader, TierPolicy limits, CurrentUser currentUser, Problems problems, MessageSource messages) {
    this.kyc = kyc;
    this.reader = reader;
    this.limits = limits;
    this.currentUser = currentUser;
    this.problems = problems;
    this.messages = messages;
  }

  @PostMapping(value = "/api/kyc/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<KycView> submit(
      @RequestParam Map<String, String> fields,
      @RequestPart(name = "ktpPhoto", required = false) MultipartFile ktpPhoto,
      @RequestPart(name = "selfie", required = false) MultipartFile selfie) {
    AppUser user = currentUser.get();
    KycForm form = reader.read(fields, ktpPhoto, selfie);
    kyc.submit(user, form);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(user));
  }

  @GetMapping("/api/kyc/me")
  KycView me() {
    return view(currentUser.get());
  }

  @GetMapping("/api/kyc/me/export")
  ResponseEntity<Map<String, Object>> export() {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rekber-data-saya.json\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(kyc.export(currentUser.get()));
  }

  private KycView view(AppUser user) {
    var latest = kyc.latest(user);
    return KycView.of(user, limits.limitsOf(user.getKycTier()), latest.orElse(null),
        latest.map(s -> kyc.documentsOf(s.getId())).orElse(java.util.List.of()));
  }

  @ExceptionHandler(KycInvalidException.class)
  ResponseEntity<ProblemDetail> invalid(KycInvalidException e, Locale locale) {
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "request.invalid", locale);
    Map<String, String> fields = new LinkedHashMap<>();
    e.errors().forEach((field, code) -> fields.put(field, messages.getMessage(code, null, code, locale)));
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }
}
