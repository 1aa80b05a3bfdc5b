package id.rekber.web;

import id.rekber.identity.CurrentUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.identity.AppUser;
import id.rekber.kyc.PayoutAccountVerifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own profile and payout account. */
@RestController
class MeController {
  private final CurrentUser currentUser;
  private final AppUserRepository users;
  private final PayoutAccountVerifier accounts;

  MeController(CurrentUser currentUser, AppUserRepository users, PayoutAccountVerifier accounts) {
    this.currentUser = currentUser;
    this.users = users;
    this.accounts = accounts;
  }

  @GetMapping("/api/me")
  Profile me() {
    return Profile.of(currentUser.get(), currentUser.roles());
  }

  @PutMapping("/api/me/payout-account")
  @Transactional
  Profile changePayoutAccount(@Valid @RequestBody PayoutAccount request) {
    AppUser user = users.findById(currentUser.get().getId()).orElseThrow();
    String bank = request.bankCode().trim().toUpperCase(Locale.ROOT);
    // Only an account in the member's own name (account inquiry + name match); the bank's spelling is kept.
    String holder = accounts.verify(user, bank, request.accountNumber().trim(), request.accountName().trim());
    user.changePayoutAccount(bank, request.accountNumber().trim(), holder);
    return Profile.of(user, currentUser.roles());
  }

  record PayoutAccount(
      @NotBlank(message = "{payout.bankCode.required}") @Pattern(regexp = "[A-Za-z]{2,20}", message = "{payout.bankCode.pattern}") String bankCode,
      @NotBlank(message = "{payout.accountNumber.required}") @Pattern(regexp = "\\d{6,20}", message = "{payout.accountNumber.pattern}") String accountNumber,
      @NotBlank(message = "{payout.accountName.required}") @Size(max = 100, message = "{payout.accountName.size}") String accountName) {}

  record Profile(String email, String displayName, List<String> roles, String locale, int kycTier, String payoutAccount) {
    static Profile of(AppUser u, List<String> roles) {
      String account = u.hasPayoutAccount() ? u.getBankCode() + " ••••" + last4(u.getBankAccountNumber()) + " a.n. " + u.getBankAccountName() : null;
      return new Profile(u.getEmail(), u.getDisplayName(), roles, u.getLocale().getLanguage(), u.getKycTier(), account);
    }

    private static String last4(String number) {
      return number.substring(Math.max(0, number.length() - 4));
    }
  }
}
