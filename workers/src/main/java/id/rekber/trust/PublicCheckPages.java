package id.rekber.trust;

import id.rekber.kyc.Blocklist;
import id.rekber.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public "Cek rekening" page and members' public profiles: no login, the same rate limit as the API. */
@Controller
class PublicCheckPages {
  private final NumberCheck check;
  private final PublicProfiles profiles;
  private final PublicCheckLimiter limiter;

  PublicCheckPages(NumberCheck check, PublicProfiles profiles, PublicCheckLimiter limiter) {
    this.check = check;
    this.profiles = profiles;
    this.limiter = limiter;
  }

  @GetMapping("/cek-rekening")
  String check(@RequestParam(defaultValue = "BANK_ACCOUNT") String kind, @RequestParam(required = false) String bankCode,
      @RequestParam(required = false) String number, Model model, HttpServletRequest request, HttpServletResponse response) {
    String shownKind = Blocklist.PHONE.equals(kind) ? Blocklist.PHONE : Blocklist.BANK_ACCOUNT;
    model.addAttribute("kind", shownKind);
    model.addAttribute("bankCode", bankCode);
    model.addAttribute("number", number);
    if (number == null || number.isBlank()) {
      return "trust/check";
    }
    try {
      limiter.acquire(request.getRemoteAddr());
      model.addAttribute("result", check.check(shownKind, bankCode, number));
    } catch (Refusal e) {
      response.setStatus(e.kind() == Refusal.Kind.TOO_MANY_REQUESTS ? 429 : 422);
      model.addAttribute("error", e.code());
      model.addAttribute("errorArgs", e.args());
    }
    return "trust/check";
  }

  @GetMapping("/anggota/{id}")
  String profile(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
    try {
      limiter.acquire(request.getRemoteAddr());
      model.addAttribute("profile", profiles.of(UUID.fromString(id)).orElseThrow(() -> Refusal.notFound("member.not-found")));
    } catch (IllegalArgumentException e) {
      response.setStatus(404);
      model.addAttribute("error", "member.not-found");
    } catch (Refusal e) {
      response.setStatus(e.kind() == Refusal.Kind.TOO_MANY_REQUESTS ? 429 : 404);
      model.addAttribute("error", e.code());
      model.addAttribute("errorArgs", e.args());
    }
    return "trust/profile";
  }
}
