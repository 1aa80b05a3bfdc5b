package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rekber.platform.FormInvalidException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for courier and tracking number: seller's shipment (API and page) and the buyer's return. */
class ShipmentTest {

  @ParameterizedTest(name = "\"{0}\" / \"{1}\" -> {2} {3}")
  @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
      JNE          | JNE12345678     | NONE           | NONE
      ' J&T '      | ' JNE-RET-778899 ' | NONE        | NONE
      SiCepat      | 123456          | NONE           | NONE
      NONE         | JNE12345678     | courier        | ship.courier.required
      '   '        | JNE12345678     | courier        | ship.courier.required
      1234567890123456789012345678901234567890X | JNE12345678 | courier | ship.courier.size
      JNE          | NONE            | trackingNumber | ship.trackingNumber.required
      JNE          | ''              | trackingNumber | ship.trackingNumber.required
      JNE          | 12345           | trackingNumber | ship.trackingNumber.size
      JNE          | 1234567890123456789012345678901234567890123456789012345678901 | trackingNumber | ship.trackingNumber.size
      JNE          | <script>        | trackingNumber | ship.trackingNumber.pattern
      JNE          | JNE 123 456     | trackingNumber | ship.trackingNumber.pattern
      """)
  void oneRule(String courier, String tracking, String field, String code) {
    Map<String, String> problems = Shipment.problems(courier, tracking);
    if (field == null) {
      assertThat(problems).isEmpty();
      assertThat(Shipment.of(courier, tracking)).isEqualTo(new Shipment(courier.trim(), tracking.trim()));
    } else {
      assertThat(problems).containsExactly(Map.entry(field, code));
      assertThatThrownBy(() -> Shipment.of(courier, tracking))
          .isInstanceOfSatisfying(FormInvalidException.class, e -> assertThat(e.errors()).isEqualTo(problems));
    }
  }

  @Test
  void reportsBothFieldsAtOnce() {
    assertThat(Shipment.problems("", "x")).containsOnlyKeys("courier", "trackingNumber");
  }

  @Test
  void limitsAreAtTheEdges() {
    assertThat(Shipment.problems("x".repeat(Shipment.COURIER_MAX), "A".repeat(Shipment.TRACKING_MIN))).isEmpty();
    assertThat(Shipment.problems("JNE", "A".repeat(Shipment.TRACKING_MAX))).isEmpty();
  }
}
