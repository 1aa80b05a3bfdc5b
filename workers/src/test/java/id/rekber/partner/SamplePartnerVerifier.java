package id.rekber.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a partner's webhook receiver does, written as a partner would (only the JDK; the same code is
 * in docs/partner-api.md): recompute the signature over the timestamp and the raw body, compare in
 * constant time, and refuse a timestamp more than five minutes from the receiver's clock, so that a
 * captured request cannot be replayed later.
 */
final class SamplePartnerVerifier {
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private final byte[] secret;

  SamplePartnerVerifier(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  boolean accepts(String timestampHeader, String signatureHeader, String rawBody, Instant now) throws Exception {
    if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("\\d{1,12}")) {
      return false;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestampHeader));
    if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
      return false; // stale (or from the future): a replay
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal((timestampHeader + "." + rawBody).getBytes(StandardCharsets.UTF_8)));
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signatureHeader.getBytes(StandardCharsets.US_ASCII));
  }
}
