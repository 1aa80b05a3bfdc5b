package id.rekber.trust;

import id.rekber.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public check and public profiles as JSON, without login (the public security chain), rate
 * limited per client address. {@code ?bankCode=BCA&accountNumber=…} or {@code ?phone=0812…}.
 */
@RestController
class PublicCheckController {
  private final NumberCheck check;
  private final PublicProfiles profiles;
  private final PublicCheckLimiter limiter;

  PublicCheckController(NumberCheck check, PublicProfiles profiles, PublicCheckLimiter limiter) {
    this.check = check;
    this.profiles = profiles;
    this.limiter = limiter;
  }

  @GetMapping("/api/public/check")
  NumberCheck.Result check(@RequestParam(required = false) String bankCode, @RequestParam(required = false) String accountNumber,
      @RequestParam(required = false) String phone, HttpServletRequest request) {
    limiter.acquire(request.getRemoteAddr());
    return phone != null && !phone.isBlank()
        ? check.check(id.rekber.kyc.Blocklist.PHONE, null, phone)
        : check.check(id.rekber.kyc.Blocklist.BANK_ACCOUNT, bankCode, accountNumber);
  }

  @GetMapping("/api/public/members/{id}")
  PublicProfiles.PublicProfile profile(@PathVariable UUID id, HttpServletRequest request) {
    limiter.acquire(request.getRemoteAddr());
    return profiles.of(id).orElseThrow(() -> Refusal.notFound("member.not-found"));
  }
}
