package id.rekber.escrow;

import id.rekber.platform.Rupiah;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.kyc.LimitProperties;
import id.rekber.kyc.TierPolicy;
import id.rekber.notification.Formats;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies the buyer's KYC-tier limits to deals. Checked when a deal is created or accepted, and
 * again when the money arrives (a member may have paid other deals in between). Months are
 * calendar months in WIB.
 */
@Component
public class BuyingLimits {
  private final TierPolicy policy;
  private final DealRepository deals;
  private final AppUserRepository users;
  private final Clock clock;

  BuyingLimits(TierPolicy policy, DealRepository deals, AppUserRepository users, Clock clock) {
    this.policy = policy;
    this.deals = deals;
    this.users = users;
    this.clock = clock;
  }

  public void checkCanSell(AppUser user) {
    policy.checkCanSell(user);
  }

  /** Refuses a purchase of {@code amount} (price + shipping) over the buyer's per-deal or monthly limit. */
  public void checkCanBuy(AppUser buyer, long amount, String dealId) {
    LimitProperties.Tier tier = policy.limitsOf(buyer.getKycTier());
    if (overPerDeal(tier, amount)) {
      throw Refusal.invalid("limit.per-deal", Rupiah.format(tier.perDeal()), buyer.getKycTier());
    }
    Month month = monthOf(clock.instant());
    long used = deals.sumCommittedBetween(buyer.getId(), dealId == null ? "" : dealId, month.start(), month.end());
    if (overPerMonth(tier, used, amount)) {
      throw Refusal.invalid("limit.per-month", Rupiah.format(tier.perMonth()), Rupiah.format(leftThisMonth(tier, used)));
    }
  }

  /**
   * At payment time: would this payment take the buyer over their limits, counting what they paid
   * this month? If so the payment is refused and refunded in full (see docs/decisions.md #5.2).
   */
  public boolean acceptsPayment(UUID buyerId, String dealId, long amount) {
    int tierLevel = users.findById(buyerId).map(AppUser::getKycTier).orElse(0);
    LimitProperties.Tier tier = policy.limitsOf(tierLevel);
    Month month = monthOf(clock.instant());
    long paid = deals.sumPaidBetween(buyerId, dealId, month.start(), month.end());
    return !overPerDeal(tier, amount) && !overPerMonth(tier, paid, amount);
  }

  // --- the arithmetic, pure (unit-tested without Spring or a database in BuyingLimitArithmeticTest) ---

  static boolean overPerDeal(LimitProperties.Tier tier, long amount) {
    return amount > tier.perDeal();
  }

  /** Would {@code amount} on top of what the buyer already has this month exceed the monthly limit? */
  static boolean overPerMonth(LimitProperties.Tier tier, long usedThisMonth, long amount) {
    return Math.addExact(usedThisMonth, amount) > tier.perMonth();
  }

  /** What is left of the monthly limit (never negative: a lowered tier may already be over it). */
  static long leftThisMonth(LimitProperties.Tier tier, long usedThisMonth) {
    return Math.max(0, tier.perMonth() - usedThisMonth);
  }

  /** The calendar month in WIB that {@code now} falls in, as [start, end). */
  static Month monthOf(Instant now) {
    YearMonth month = YearMonth.from(now.atZone(Formats.WIB));
    Instant start = month.atDay(1).atStartOfDay(Formats.WIB).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(Formats.WIB).toInstant();
    return new Month(start, end);
  }

  record Month(Instant start, Instant end) {}
}
