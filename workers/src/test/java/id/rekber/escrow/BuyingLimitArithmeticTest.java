package id.rekber.escrow;

import id.rekber.kyc.LimitProperties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The arithmetic behind {@link BuyingLimits}, with the limits of application.yml (tier 0: Rp 2.000.000
 * a deal, Rp 5.000.000 a month). Plain Java; {@code TierLimitsTest} shows the same rules through the
 * API with PostgreSQL.
 */
class BuyingLimitArithmeticTest {
  static final LimitProperties.Tier TIER0 = new LimitProperties.Tier(2_000_000, 5_000_000);
  static final LimitProperties.Tier TIER1 = new LimitProperties.Tier(100_000_000, 500_000_000);

  @Test
  void tierOneAndAboveGetTierOneLimitsEverythingElseTierZero() {
    LimitProperties limits = new LimitProperties(TIER0, TIER1);
    assertThat(limits.of(0)).isEqualTo(TIER0);
    assertThat(limits.of(-1)).isEqualTo(TIER0);
    assertThat(limits.of(1)).isEqualTo(TIER1);
    assertThat(limits.of(2)).isEqualTo(TIER1);
  }

  @ParameterizedTest(name = "Rp {0} over the per-deal limit: {1}")
  @CsvSource({"1999999, false", "2000000, false", "2000001, true", "0, false"})
  void thePerDealLimitIsInclusive(long amount, boolean over) {
    assertThat(BuyingLimits.overPerDeal(TIER0, amount)).isEqualTo(over);
  }

  @ParameterizedTest(name = "used Rp {0} + Rp {1}: over {2}, left before {3}")
  @CsvSource(delimiter = '|', textBlock = """
      0       | 2000000 | false | 5000000
      4000000 | 1000000 | false | 1000000
      4000000 | 1000001 | true  | 1000000
      5000000 | 1       | true  | 0
      5000000 | 0       | false | 0
      6000000 | 1       | true  | 0
      """)
  void theMonthlyLimitCountsWhatIsAlreadyUsedAndWhatIsLeftIsNeverNegative(long used, long amount, boolean over, long left) {
    assertThat(BuyingLimits.overPerMonth(TIER0, used, amount)).isEqualTo(over);
    assertThat(BuyingLimits.leftThisMonth(TIER0, used)).isEqualTo(left);
  }

  @Test
  void aPurchaseWithinTheDealLimitCanStillBreakTheMonthAndTheOtherWayRound() {
    // The third Rp 2.000.000 purchase of the month: fine as a deal, too much for the month.
    assertThat(BuyingLimits.overPerDeal(TIER0, 2_000_000)).isFalse();
    assertThat(BuyingLimits.overPerMonth(TIER0, 4_000_000, 2_000_000)).isTrue();
    // A first purchase of Rp 3.000.000: fits the month, not the deal.
    assertThat(BuyingLimits.overPerMonth(TIER0, 0, 3_000_000)).isFalse();
    assertThat(BuyingLimits.overPerDeal(TIER0, 3_000_000)).isTrue();
  }

  @ParameterizedTest(name = "{0} is in the WIB month {1} .. {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-03-15T05:00:00Z | 2026-02-28T17:00:00Z | 2026-03-31T17:00:00Z
      2026-02-28T16:59:59Z | 2026-01-31T17:00:00Z | 2026-02-28T17:00:00Z
      2026-02-28T17:00:00Z | 2026-02-28T17:00:00Z | 2026-03-31T17:00:00Z
      2026-12-31T17:30:00Z | 2026-12-31T17:00:00Z | 2027-01-31T17:00:00Z
      2028-02-10T00:00:00Z | 2028-01-31T17:00:00Z | 2028-02-29T17:00:00Z
      """)
  void monthsAreCalendarMonthsInWib(Instant now, Instant start, Instant end) {
    BuyingLimits.Month month = BuyingLimits.monthOf(now);
    assertThat(month.start()).isEqualTo(start);
    assertThat(month.end()).isEqualTo(end);
  }
}
