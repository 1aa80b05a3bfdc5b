package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each milestone's share of a service deal's money (docs/ledger.md): the shares add up to the deal exactly. */
class MilestoneSharesTest {
  static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

  @Test
  void sharesAreProportionalAndTheLastTakesTheRoundingRemainder() {
    // 100 001 + 100 001 + 100 001 with a split fee of 7 501: thirds that do not divide evenly.
    Deal deal = deal(FeeQuote.of(7_501, FeePayer.SPLIT), 100_001, 100_001, 100_001);
    List<Milestone> milestones = milestones(deal, 100_001, 100_001, 100_001);
    long held = 0;
    long toSeller = 0;
    long fee = 0;
    for (int seq = 1; seq <= 3; seq++) {
      MilestoneShares s = MilestoneShares.of(deal, milestones, seq);
      assertThat(s.held() - s.toSeller()).as("milestone %d balances", seq).isEqualTo(s.fee());
      held += s.held();
      toSeller += s.toSeller();
      fee += s.fee();
    }
    assertThat(held).isEqualTo(deal.grossAmount());
    assertThat(toSeller).isEqualTo(deal.sellerProceeds());
    assertThat(fee).isEqualTo(deal.getFee());
  }

  @Test
  void aBuyerPaidFeeIsSharedByAmount() {
    Deal deal = deal(FeeQuote.of(37_500, FeePayer.BUYER), 500_000, 1_000_000);
    List<Milestone> milestones = milestones(deal, 500_000, 1_000_000);
    assertThat(MilestoneShares.of(deal, milestones, 1)).isEqualTo(new MilestoneShares(512_500, 500_000, 12_500));
    assertThat(MilestoneShares.of(deal, milestones, 2)).isEqualTo(new MilestoneShares(1_025_000, 1_000_000, 25_000));
  }

  private static Deal deal(FeeQuote fee, long... amounts) {
    List<MilestoneTerms> terms = new ArrayList<>();
    long price = 0;
    for (long a : amounts) {
      terms.add(new MilestoneTerms("Pekerjaan", a, LocalDate.of(2026, 3, 20)));
      price += a;
    }
    DealTerms dealTerms = new DealTerms("Jasa desain", null, price, 0, 3, 3, FeePayer.SPLIT, "pembeli@example.com", terms);
    return new Deal("RB-TEST", dealTerms, fee, UUID.randomUUID(), PartyRole.SELLER, T0, T0.plusSeconds(3600));
  }

  private static List<Milestone> milestones(Deal deal, long... amounts) {
    List<Milestone> list = new ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      list.add(new Milestone(deal.getId(), i + 1, new MilestoneTerms("Pekerjaan", amounts[i], LocalDate.of(2026, 3, 20))));
    }
    return list;
  }
}
