package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The member's KYC page: status, limits and masked data, and a plain multipart form (it works
 * without JavaScript and on any phone). On an error the page comes back with every typed value and
 * a message next to each wrong field; photos must be chosen again (browsers never refill file inputs).
 */
@Controller
class KycPageController {
  private final KycService kyc;
  private final KycFormReader reader;
  private final TierPolicy limits;
  private final CurrentUser currentUser;

  KycPageController(KycService kyc, KycFormReader reader, TierPolicy limits, CurrentUser currentUser) {
    this.kyc = kyc;
    this.reader = reader;
    this.limits = limits;
    this.currentUser = currentUser;
  }

  @GetMapping("/kyc")
  String page(@RequestParam(required = false) String submitted, Model model) {
    fill(model, currentUser.get(), Map.of(), Map.of(), null);
    model.addAttribute("submitted", submitted != null);
    return "kyc/page";
  }

  @PostMapping("/kyc")
  String submit(
      @RequestParam Map<String, String> fields,
      @RequestPart(name = "ktpPhoto", required = false) MultipartFile ktpPhoto,
      @RequestPart(name = "selfie", required = false) MultipartFile selfie,
      Model model) {
    AppUser user = currentUser.get();
    try {
      kyc.submit(user, reader.read(fields, ktpPhoto, selfie));
      return "redirect:/kyc?submitted";
    } catch (KycInvalidException e) {
      fill(model, user, fields, e.errors(), null);
    } catch (Refusal e) {
      fill(model, user, fields, Map.of(), e.code());
    }
    return "kyc/page";
  }

  /** The member's own data in full, as a file (also at /api/kyc/me/export). */
  @GetMapping(value = "/kyc/export", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  org.springframework.http.ResponseEntity<Map<String, Object>> export() {
    return org.springframework.http.ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"rekber-data-saya.json\"")
        .header("Cache-Control", "no-store")
        .body(kyc.export(currentUser.get()));
  }

  private void fill(Model model, AppUser user, Map<String, String> typed, Map<String, String> errors, String problem) {
    var latest = kyc.latest(user);
    KycView view = KycView.of(user, limits.limitsOf(user.getKycTier()), latest.orElse(null),
        latest.map(s -> kyc.documentsOf(s.getId())).orElse(List.of()));
    KycStatus status = latest.map(KycSubmission::getStatus).orElse(null);
    boolean canSubmit = user.getKycTier() < 1 && (status == null || !status.isOpen() || status == KycStatus.RESUBMISSION_REQUESTED);
    model.addAttribute("user", user);
    model.addAttribute("kyc", view);
    model.addAttribute("canSubmit", canSubmit);
    model.addAttribute("typed", typed);
    model.addAttribute("errors", errors);
    model.addAttribute("problem", problem);
  }
}
