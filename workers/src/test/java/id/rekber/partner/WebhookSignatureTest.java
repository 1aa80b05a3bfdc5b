package id.rekber.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature Rekber puts on a webhook, checked by the sample partner's own verifier. */
class WebhookSignatureTest {
  static final String SECRET = "whsec_test-secret";
  static final String BODY = "{\"type\":\"deal.updated\",\"dealId\":\"RB-1\",\"event\":\"ACCEPTED\",\"status\":\"MENUNGGU_PEMBAYARAN\"}";
  final Instant sent = Instant.parse("2026-12-03T09:00:00Z");
  final String timestamp = Long.toString(sent.getEpochSecond());
  final String signature = WebhookSignature.sign(SECRET, sent.getEpochSecond(), BODY);
  final SamplePartnerVerifier verifier = new SamplePartnerVerifier(SECRET);

  @Test
  void aFreshSignedDeliveryIsAccepted() throws Exception {
    assertThat(signature).startsWith("v1=").hasSize(3 + 64);
    assertThat(verifier.accepts(timestamp, signature, BODY, sent.plusSeconds(30))).isTrue();
    assertThat(WebhookSignature.verify(SECRET, timestamp, signature, BODY, sent.plusSeconds(30))).isTrue();
  }

  @Test
  void aReplayedDeliveryWithAStaleTimestampIsRejected() throws Exception {
    Instant later = sent.plus(Duration.ofMinutes(5)).plusSeconds(1);
    assertThat(verifier.accepts(timestamp, signature, BODY, later)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, timestamp, signature, BODY, later)).isFalse();
    // Moving the timestamp forward breaks the signature: the timestamp is signed.
    String fresh = Long.toString(later.getEpochSecond());
    assertThat(verifier.accepts(fresh, signature, BODY, later)).isFalse();
  }

  @Test
  void aChangedBodyOrAnotherSecretIsRejected() throws Exception {
    assertThat(verifier.accepts(timestamp, signature, BODY.replace("ACCEPTED", "SELESAI"), sent)).isFalse();
    assertThat(new SamplePartnerVerifier("whsec_other").accepts(timestamp, signature, BODY, sent)).isFalse();
    assertThat(verifier.accepts("abc", signature, BODY, sent)).isFalse();
    assertThat(verifier.accepts(timestamp, null, BODY, sent)).isFalse();
  }

  @Test
  void retriesBackOffFromTenSecondsToAnHour() {
    assertThat(WebhookDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(WebhookDispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(WebhookDispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(WebhookDispatcher.backoff(12)).isEqualTo(Duration.ofHours(1));
  }
}
