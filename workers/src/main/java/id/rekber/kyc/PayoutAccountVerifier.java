package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.platform.Refusal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A payout account must be in the member's own name: the bank must know it (account inquiry), and
 * its holder must match the name KYC verified (tier 1) or, before KYC, the name the member typed.
 * Returns the holder's name as the bank writes it.
 */
@Component
public class PayoutAccountVerifier {
  private final BankAccountInquiry provider;
  private final KycSubmissionRepository submissions;

  PayoutAccountVerifier(BankAccountInquiry provider, KycSubmissionRepository submissions) {
    this.provider = provider;
    this.submissions = submissions;
  }

  public String verify(AppUser user, String bankCode, String accountNumber, String typedName) {
    String holder = provider.holderName(bankCode, accountNumber).orElseThrow(() -> Refusal.invalid("kyc.payout-account.not-found"));
    String ownName = verifiedName(user, typedName);
    if (NameMatcher.match(ownName, holder) != NameMatcher.Result.MATCH) {
      throw Refusal.invalid("kyc.payout-account.not-own");
    }
    return holder;
  }

  private String verifiedName(AppUser user, String typedName) {
    List<KycSubmission> all = submissions.findByUserIdOrderBySubmittedAtDesc(user.getId());
    return all.stream().filter(s -> s.getStatus() == KycStatus.APPROVED).map(KycSubmission::getFullName).findFirst()
        // Seeded tier-1 members have no submission: their verified name is the one on their account.
        .orElse(user.getKycTier() >= 1 && user.getBankAccountName() != null ? user.getBankAccountName() : typedName);
  }
}
