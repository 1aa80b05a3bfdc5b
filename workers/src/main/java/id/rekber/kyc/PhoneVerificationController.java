package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.notification.MessageSender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The member's own phone number over the API: ask for a one-time code, then type it. */
@RestController
class PhoneVerificationController {
  private final PhoneVerification verification;
  private final CurrentUser currentUser;

  PhoneVerificationController(PhoneVerification verification, CurrentUser currentUser) {
    this.verification = verification;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/me/phone")
  PhoneView phone() {
    return PhoneView.of(currentUser.get());
  }

  /** Sends a code (again) to the typed number, or to the saved one when none is typed. */
  @PostMapping("/api/me/phone/code")
  ResponseEntity<PhoneView> sendCode(@Valid @RequestBody(required = false) CodeRequest request) {
    AppUser user = currentUser.get();
    verification.sendCode(user, request == null ? null : request.phone(), request == null ? null : request.channel());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(PhoneView.of(currentUser.get()));
  }

  @PostMapping("/api/me/phone/verify")
  PhoneView verify(@Valid @RequestBody VerifyRequest request) {
    return PhoneView.of(verification.verify(currentUser.get(), request.code()));
  }

  record CodeRequest(@Size(max = 30, message = "{profile.phone.invalid}") String phone, MessageSender.Channel channel) {}

  record VerifyRequest(@NotBlank(message = "{phone.code.required}") @Size(max = 10, message = "{phone.code.required}") String code) {}

  record PhoneView(String phone, boolean verified, Instant verifiedAt) {
    static PhoneView of(AppUser user) {
      return new PhoneView(user.getPhone(), user.hasVerifiedPhone(), user.getPhoneVerifiedAt());
    }
  }
}
