package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the fee decision's answer is read: only a whole, non-negative rupiah amount is a fee. Plain
 * Java; the decision table itself is tested on the engine by the process tests.
 */
class FeeCalculatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"fee": 2500}       | 2500
      {"fee":0}           | 0
      2500                | 2500
      {"fee": 2500.0}     | 2500
      {"fee": 2500.00}    | 2500
      {"fee": 1e3}        | 1000
      {"fee": 5000000000} | 5000000000
      """)
  void aWholeRupiahAmountIsTheFee(String output, long fee) {
    assertThat(FeeCalculator.parseFee(output, JSON)).isEqualTo(fee);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"fee\": 2500.5}",
      "{\"fee\": 0.01}",
      "{\"fee\": -1}",
      "{\"fee\": \"2500\"}",
      "{\"fee\": null}",
      "{\"amount\": 2500}",
      "{}",
      "\"2500\"",
      "null",
      "[2500]",
  })
  void anythingElseIsAnErrorInTheDecisionNotAFee(String output) {
    assertThatThrownBy(() -> FeeCalculator.parseFee(output, JSON))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no whole rupiah amount");
  }
}
