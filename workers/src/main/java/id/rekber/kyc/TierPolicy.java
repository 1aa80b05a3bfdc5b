package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.platform.Refusal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What a member's KYC tier allows: whether they may sell, and their buying limits per deal and per
 * month. How much a member has already bought is the escrow module's business (its deals).
 */
@Component
@EnableConfigurationProperties({LimitProperties.class, KycProperties.class})
public class TierPolicy {
  private final LimitProperties limits;

  TierPolicy(LimitProperties limits) {
    this.limits = limits;
  }

  /** Only KYC-verified members (tier 1) with a verified phone may sell: they are paid out to a bank account in their name. */
  public void checkCanSell(AppUser user) {
    if (user.getKycTier() < 1) {
      throw Refusal.forbidden("limit.seller-needs-kyc");
    }
    // Buyers reach a seller by phone, and the seller's codes and notices go there (decision 42).
    if (!user.hasVerifiedPhone()) {
      throw Refusal.forbidden("limit.seller-needs-phone");
    }
  }

  public LimitProperties.Tier limitsOf(int tier) {
    return limits.of(tier);
  }
}
