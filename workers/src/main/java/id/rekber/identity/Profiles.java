package id.rekber.identity;

import id.rekber.platform.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes members make to their own profile: language, phone number, payout account. */
@Service
public class Profiles {
  private final AppUserRepository users;

  Profiles(AppUserRepository users) {
    this.users = users;
  }

  @Transactional
  public AppUser changeLanguage(UUID userId, Locale language) {
    AppUser user = users.findById(userId).orElseThrow();
    user.changeLocale(language);
    return user;
  }

  /** A number another member already uses is refused: phone numbers find counterparties. */
  @Transactional
  public AppUser changePhone(UUID userId, String normalizedPhone) {
    AppUser user = users.findById(userId).orElseThrow();
    if (normalizedPhone != null && users.findByPhone(normalizedPhone).stream().anyMatch(u -> !u.getId().equals(userId))) {
      throw Refusal.conflict("profile.phone-taken");
    }
    user.changePhone(normalizedPhone);
    return user;
  }

  /** The code the member typed proved the number: it becomes their verified phone. */
  @Transactional
  public AppUser verifyPhone(UUID userId, String normalizedPhone, java.time.Instant at) {
    AppUser user = changePhone(userId, normalizedPhone);
    user.markPhoneVerified(at);
    return user;
  }

  @Transactional
  public AppUser changePayoutAccount(UUID userId, String bankCode, String accountNumber, String accountName) {
    AppUser user = users.findById(userId).orElseThrow();
    user.changePayoutAccount(bankCode.trim().toUpperCase(Locale.ROOT), accountNumber.trim(), accountName.trim());
    return user;
  }

  @Transactional(readOnly = true)
  public Optional<Locale> languageOf(String subject) {
    return users.findByIdpSubject(subject).map(AppUser::getLocale);
  }

  /** The member a phone number belongs to, if exactly one does and they verified it. */
  @Transactional(readOnly = true)
  public Optional<AppUser> byPhone(String normalizedPhone) {
    List<AppUser> found = users.findByPhone(normalizedPhone);
    return found.size() == 1 && found.get(0).hasVerifiedPhone() ? Optional.of(found.get(0)) : Optional.empty();
  }
}
