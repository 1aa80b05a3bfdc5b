package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.support.ProcessHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/escrow-fee.dmn evaluated by the engine through the application's own {@link FeeCalculator}:
 * the minimum, the percentage band with its edges, the maximum, and how each fee payer shares it.
 */
class EscrowFeeDecisionProcessTest {
  static ProcessHarness engine;
  static FeeCalculator fees;

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
    fees = new FeeCalculator(engine.client(), new ObjectMapper());
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @ParameterizedTest(name = "Rp {0} paid by {1}: fee {2} = buyer {3} + seller {4}")
  @CsvSource({
      "1,          BUYER,  5000,   5000,   0",
      "50000,      SPLIT,  5000,   2500,   2500",
      "200000,     SELLER, 5000,   0,      5000",
      "200001,     BUYER,  5000,   5000,   0",
      "270000,     BUYER,  6750,   6750,   0",
      "4535000,    SPLIT,  113375, 56687,  56688",
      "19999999,   SELLER, 499999, 0,      499999",
      "20000000,   SPLIT,  500000, 250000, 250000",
      "100000000,  BUYER,  500000, 500000, 0",
  })
  void feeRules(long amount, FeePayer payer, long fee, long buyerFee, long sellerFee) {
    assertThat(fees.quote(amount, payer)).isEqualTo(new FeeQuote(fee, buyerFee, sellerFee));
  }

  /** The member rate of membership-benefits.dmn's monthly plan: 1.5 %, at least Rp 3.000, at most Rp 250.000. */
  @ParameterizedTest(name = "member, Rp {0}: fee {1}")
  @CsvSource({
      "100000,    3000",
      "270000,    4050",
      "4535000,   68025",
      "100000000, 250000",
  })
  void memberFee(long amount, long fee) {
    MemberBenefits monthly = new MemberBenefits("MONTHLY", new BigDecimal("0.015"), 3000, 250000, true, Duration.ofHours(48), true);
    assertThat(fees.quote(amount, FeePayer.BUYER, Optional.of(monthly), null).fee()).isEqualTo(fee);
  }

  /** partner-fee.dmn: the demo partner's 2 % (min Rp 4.000, max Rp 400.000) where it is below the normal fee; others pay the normal fee. */
  @ParameterizedTest(name = "partner {0}, Rp {1}: fee {2}")
  @CsvSource({
      "rekber-partner-demo, 100000,    4000",
      "rekber-partner-demo, 270000,    5400",
      "rekber-partner-demo, 100000000, 400000",
      "another-partner,     270000,    6750",
  })
  void partnerFee(String partner, long amount, long fee) {
    assertThat(fees.quote(amount, FeePayer.BUYER, Optional.empty(), partner).fee()).isEqualTo(fee);
  }
}
