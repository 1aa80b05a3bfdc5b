package id.rekber.escrow;

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
    Month month = currentMonth();
    long used = deals.sumCommittedBetween(buyer.getId(), dealId == null ? "" : dealId, month.start(), month.end());
    switch (check(tier, used, amount)) {
      case OVER_PER_DEAL -> throw Refusal.invalid("limit.per-deal", Formats.rupiah(tier.perDeal()), buyer.getKycTier());
      case OVER_PER_MONTH ->
          throw Refusal.invalid("limit.per-month", Formats.rupiah(tier.perMonth()), Formats.rupiah(Math.max(0, tier.perMonth() - used)));
      case WITHIN -> {}
    }
  }

  /**
   * At payment time: would this payment take the buyer over their limits, counting what they paid
   * this month? If so the payment is refused and refunded in full (see docs/decisions.md #5.2).
   */
  public boolean acceptsPayment(UUID buyerId, String dealId, long amount) {
    int tierLevel = users.findById(buyerId).map(AppUser::getKycTier).orElse(0);
    Month month = currentMonth();
    long paid = deals.sumPaidBetween(buyerId, dealId, month.start(), month.end());
    return check(policy.limitsOf(tierLevel), paid, amount) == Verdict.WITHIN;
  }

  /** The rule itself: {@code amount} on top of {@code used} this month, against the tier's limits. */
  static Verdict check(LimitProperties.Tier tier, long used, long amount) {
    if (amount > tier.perDeal()) {
      return Verdict.OVER_PER_DEAL;
    }
    if (Math.addExact(used, amount) > tier.perMonth()) {
      return Verdict.OVER_PER_MONTH;
    }
    return Verdict.WITHIN;
  }

  enum Verdict {
    WITHIN,
    OVER_PER_DEAL,
    OVER_PER_MONTH
  }

  private Month currentMonth() {
    YearMonth month = YearMonth.from(clock.instant().atZone(Formats.WIB));
    Instant start = month.atDay(1).atStartOfDay(Formats.WIB).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(Formats.WIB).toInstant();
    return new Month(start, end);
  }

  private record Month(Instant start, Instant end) {}
}
