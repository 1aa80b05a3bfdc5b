package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.notification.Formats;
import id.rekber.platform.Rupiah;
import id.rekber.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a member's KYC tier allows. Checked when a deal is created or accepted, and again when the
 * money arrives (a member may have paid other deals in between). Months are calendar months in WIB.
 */
@Component
@EnableConfigurationProperties({LimitProperties.class, KycProperties.class})
public class TierLimits {
  private final LimitProperties limits;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  TierLimits(LimitProperties limits, JdbcTemplate jdbc, Clock clock) {
    this.limits = limits;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Only KYC-verified members (tier 1) may sell: they are paid out to a bank account in their name. */
  public void checkCanSell(AppUser user) {
    if (user.getKycTier() < 1) {
      throw ApiException.forbidden("limit.seller-needs-kyc");
    }
  }

  /** Refuses a purchase of {@code amount} (price + shipping) over the buyer's per-deal or monthly limit. */
  public void checkCanBuy(AppUser buyer, long amount, String dealId) {
    LimitProperties.Tier tier = limits.of(buyer.getKycTier());
    if (amount > tier.perDeal()) {
      throw ApiException.invalid("limit.per-deal", Rupiah.format(tier.perDeal()), buyer.getKycTier());
    }
    long used = committedThisMonth(buyer.getId(), dealId);
    if (used + amount > tier.perMonth()) {
      throw ApiException.invalid("limit.per-month", Rupiah.format(tier.perMonth()), Rupiah.format(Math.max(0, tier.perMonth() - used)));
    }
  }

  /**
   * At payment time: would this payment take the buyer over their limits, counting what they paid
   * this month? If so the payment is refused and refunded in full (see docs/decisions.md #5.2).
   */
  public boolean acceptsPayment(UUID buyerId, String dealId, long amount) {
    int tierLevel = jdbc.queryForObject("SELECT kyc_tier FROM app_user WHERE id = ?", Integer.class, buyerId);
    LimitProperties.Tier tier = limits.of(tierLevel);
    Month month = currentMonth();
    Long paid =
        jdbc.queryForObject(
            """
            SELECT COALESCE(SUM(price + shipping_cost), 0) FROM deal
            WHERE buyer_id = ? AND id <> ? AND paid_at >= ? AND paid_at < ? AND status NOT IN ('DIBATALKAN', 'DIKEMBALIKAN')
            """,
            Long.class, buyerId, dealId, month.start(), month.end());
    return amount <= tier.perDeal() && paid + amount <= tier.perMonth();
  }

  /** Deals the buyer has this month that are not cancelled or refunded, paid or not. */
  private long committedThisMonth(UUID buyerId, String excludedDealId) {
    Month month = currentMonth();
    return jdbc.queryForObject(
        """
        SELECT COALESCE(SUM(price + shipping_cost), 0) FROM deal
        WHERE buyer_id = ? AND id <> ? AND created_at >= ? AND created_at < ? AND status NOT IN ('DIBATALKAN', 'DIKEMBALIKAN')
        """,
        Long.class, buyerId, excludedDealId == null ? "" : excludedDealId, month.start(), month.end());
  }

  private Month currentMonth() {
    YearMonth month = YearMonth.from(clock.instant().atZone(Formats.WIB));
    Instant start = month.atDay(1).atStartOfDay(Formats.WIB).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(Formats.WIB).toInstant();
    return new Month(Timestamp.from(start), Timestamp.from(end));
  }

  public LimitProperties.Tier limitsOf(int tier) {
    return limits.of(tier);
  }

  private record Month(Timestamp start, Timestamp end) {}
}
