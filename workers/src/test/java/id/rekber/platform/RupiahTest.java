package id.rekber.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Indonesians type and providers send, and how an amount is shown. */
class RupiahTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
      1250000                | 1250000
      1.250.000              | 1250000
      Rp 1.250.000           | 1250000
      Rp1.250.000            | 1250000
      rp 1.250.000           | 1250000
      Rp. 1.250.000          | 1250000
      IDR 1250000            | 1250000
      '  Rp 1.250.000  '     | 1250000
      Rp1.250.000,00         | 1250000
      1.250.000,0            | 1250000
      150000.00              | 150000
      150000,00              | 150000
      0                      | 0
      1.000                  | 1000
      100                    | 100
      9223372036854775807    | 9223372036854775807
      9.223.372.036.854.775.807 | 9223372036854775807
      ''                     | NONE
      '   '                  | NONE
      NONE                   | NONE
      Rp                     | NONE
      100000.7               | NONE
      100000.70              | NONE
      1.250.000,50           | NONE
      100000.000             | NONE
      -5000                  | NONE
      Rp -5.000              | NONE
      1,250,000              | NONE
      1,250                  | NONE
      1.25.000               | NONE
      1.2500                 | NONE
      .500                   | NONE
      1..000                 | NONE
      1 250 000              | 1250000
      1.250 000              | NONE
      12 50                  | NONE
      1e6                    | NONE
      seribu                 | NONE
      12abc                  | NONE
      USD 100                | NONE
      9223372036854775808    | NONE
      99999999999999999999   | NONE
      """)
  void parses(String typed, Long expected) {
    assertThat(Rupiah.parse(typed).map(Rupiah::amount)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0                   | Rp 0
      5                   | Rp 5
      999                 | Rp 999
      1000                | Rp 1.000
      250000              | Rp 250.000
      1250000             | Rp 1.250.000
      100000000           | Rp 100.000.000
      9223372036854775807 | Rp 9.223.372.036.854.775.807
      -5000               | -Rp 5.000
      """)
  void formats(long amount, String shown) {
    assertThat(Rupiah.format(amount)).isEqualTo(shown);
    if (amount >= 0) {
      assertThat(Rupiah.of(amount)).hasToString(shown);
      assertThat(Rupiah.parse(shown)).contains(Rupiah.of(amount));
    }
  }

  @Test
  void numbersFromJsonMustBeWholeAndNotNegative() {
    assertThat(Rupiah.exact(50_000)).contains(Rupiah.of(50_000));
    assertThat(Rupiah.exact(50_000L)).contains(Rupiah.of(50_000));
    assertThat(Rupiah.exact(5.0E7)).contains(Rupiah.of(50_000_000));
    assertThat(Rupiah.exact(new BigDecimal("1500.00"))).contains(Rupiah.of(1500));
    assertThat(Rupiah.exact("1.500")).contains(Rupiah.of(1500));
    assertThat(Rupiah.exact(1500.5)).isEmpty();
    assertThat(Rupiah.exact(new BigDecimal("0.01"))).isEmpty();
    assertThat(Rupiah.exact(-1)).isEmpty();
    assertThat(Rupiah.exact(new BigDecimal("1e30"))).isEmpty();
    assertThat(Rupiah.exact(null)).isEmpty();
    assertThat(Rupiah.exact("abc")).isEmpty();
  }

  @Test
  void arithmeticIsCheckedAndNeverNegative() {
    assertThat(Rupiah.of(1_000).plus(Rupiah.of(250))).isEqualTo(Rupiah.of(1_250));
    assertThat(Rupiah.of(1_000).minus(Rupiah.of(1_000))).isEqualTo(Rupiah.ZERO);
    assertThat(Rupiah.ZERO.isZero()).isTrue();
    assertThat(Rupiah.of(2)).isGreaterThan(Rupiah.of(1));
    assertThatThrownBy(() -> Rupiah.of(Long.MAX_VALUE).plus(Rupiah.of(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Rupiah.of(1).minus(Rupiah.of(2))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Rupiah.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
