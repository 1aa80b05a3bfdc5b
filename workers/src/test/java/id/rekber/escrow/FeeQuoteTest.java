package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Who pays Rekber's fee: plain Java, no Spring. */
class FeeQuoteTest {

  @ParameterizedTest(name = "{0} of {1} -> buyer {2}, seller {3}")
  @CsvSource(delimiter = '|', textBlock = """
      BUYER  | 5000 | 5000 | 0
      SELLER | 5000 | 0    | 5000
      SPLIT  | 5000 | 2500 | 2500
      SPLIT  | 5001 | 2500 | 2501
      SPLIT  | 1    | 0    | 1
      BUYER  | 0    | 0    | 0
      SELLER | 0    | 0    | 0
      SPLIT  | 0    | 0    | 0
      """)
  void theFeeIsSharedAsChosenAndTheOddRupiahOfASplitGoesToTheSeller(FeePayer payer, long fee, long buyerFee, long sellerFee) {
    assertThat(FeeQuote.of(fee, payer)).isEqualTo(new FeeQuote(fee, buyerFee, sellerFee));
  }

  @ParameterizedTest
  @EnumSource(FeePayer.class)
  void thePartsAlwaysAddUpToTheFeeAndTheBuyerNeverPaysMoreThanHalfOfASplit(FeePayer payer) {
    for (long fee : new long[] {0, 1, 2, 3, 999, 1000, 12_345, 5_000_001}) {
      FeeQuote quote = FeeQuote.of(fee, payer);
      assertThat(quote.fee()).isEqualTo(fee);
      assertThat(quote.buyerFee() + quote.sellerFee()).as("%s of %d", payer, fee).isEqualTo(fee);
      assertThat(quote.buyerFee()).isNotNegative();
      assertThat(quote.sellerFee()).isNotNegative();
      if (payer == FeePayer.SPLIT) {
        assertThat(quote.buyerFee() * 2).isLessThanOrEqualTo(fee);
        assertThat(quote.sellerFee() - quote.buyerFee()).isBetween(0L, 1L);
      }
    }
  }
}
