package id.rekber.escrow;

import id.rekber.identity.AppUser;
import id.rekber.identity.PhoneNumbers;
import id.rekber.identity.Profiles;
import id.rekber.platform.Refusal;
import org.springframework.stereotype.Component;

/** Who the API names as counterparty: an e-mail address, or the verified phone number of a member. */
@Component
class Counterparties {
  private final Profiles profiles;

  Counterparties(Profiles profiles) {
    this.profiles = profiles;
  }

  String emailOf(String email, String phone) {
    boolean hasEmail = email != null && !email.isBlank();
    boolean hasPhone = phone != null && !phone.isBlank();
    if (hasEmail == hasPhone) {
      throw Refusal.invalid(hasEmail ? "deal.counterparty.one-of" : "deal.counterparty.required");
    }
    if (hasEmail) {
      return email.trim();
    }
    String normalized = PhoneNumbers.normalize(phone).orElseThrow(() -> Refusal.invalid("deal.counterparty.phone-invalid"));
    return profiles.byPhone(normalized).map(AppUser::getEmail).orElseThrow(() -> Refusal.invalid("deal.counterparty.phone-unknown"));
  }
}
