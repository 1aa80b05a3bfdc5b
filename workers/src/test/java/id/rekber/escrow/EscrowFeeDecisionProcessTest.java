package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.support.ProcessHarness;
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
}
