package id.rekber.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rekber.payment.PaymentStatus;
import id.rekber.payment.PayoutStatus;
import id.rekber.platform.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox's Midtrans-style words and status codes, mapped to Rekber's neutral statuses. */
class SandboxStatusesTest {

  @ParameterizedTest(name = "{0} with {1} is {2}")
  @CsvSource({
    "settlement, 200, PAID",
    "capture,    200, PAID",
    "pending,    201, PENDING",
    "deny,       202, DENIED",
    "cancel,     202, CANCELLED",
    "expire,     407, EXPIRED"
  })
  void eachWordWithItsCodeMapsToOneStatus(String word, String code, PaymentStatus status) {
    assertThat(SandboxStatuses.paymentStatusCode(word)).isEqualTo(code);
    assertThat(SandboxStatuses.payment(code, word)).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} signed with {1} is refused")
  @CsvSource({
    // A signed pending notification replayed with the word changed: the signature covers the code only.
    "settlement, 201",
    "capture,    201",
    "settlement, 407",
    "pending,    200",
    "expire,     200",
    "refund,     200"
  })
  void aWordThatDoesNotFitItsSignedCodeIsRefused(String word, String code) {
    assertThatThrownBy(() -> SandboxStatuses.payment(code, word))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("webhook.status-mismatch"));
  }

  @ParameterizedTest(name = "payout {0} with {1}")
  @CsvSource({"COMPLETED, 200, true", "FAILED, 400, true", "COMPLETED, 400, false", "FAILED, 200, false", "PENDING, 400, false"})
  void payoutResultsMustFitTheirCode(String status, String code, boolean accepted) {
    if (accepted) {
      assertThat(SandboxStatuses.payout(code, status)).isEqualTo(PayoutStatus.valueOf(status));
    } else {
      assertThatThrownBy(() -> SandboxStatuses.payout(code, status)).isInstanceOf(Refusal.class);
    }
  }
}
