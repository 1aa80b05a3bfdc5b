package id.rekber.kyc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Buying limits per KYC tier, in rupiah of price + shipping (the amount the deal is about). Tier 0
 * (e-mail verified) may buy only; tier 1 (KYC approved) may also sell and receive payouts.
 */
@ConfigurationProperties("rekber.limits")
public record LimitProperties(@DefaultValue Tier tier0, @DefaultValue Tier tier1) {
  public record Tier(@DefaultValue("0") long perDeal, @DefaultValue("0") long perMonth) {}

  public Tier of(int tier) {
    return tier >= 1 ? tier1 : tier0;
  }
}
