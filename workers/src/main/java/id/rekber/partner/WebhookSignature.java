package id.rekber.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The partner webhook signature: {@code Rekber-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with {@code Rekber-Timestamp: <unix seconds>}. A receiver recomputes it over the raw body and refuses a
 * timestamp further than {@link #REPLAY_WINDOW} from its own clock, so a captured request cannot be
 * replayed later (docs/partner-api.md).
 */
public final class WebhookSignature {
  public static final String TIMESTAMP_HEADER = "Rekber-Timestamp";
  public static final String SIGNATURE_HEADER = "Rekber-Signature";
  public static final String EVENT_ID_HEADER = "Rekber-Event-Id";
  public static final String DELIVERY_ID_HEADER = "Rekber-Delivery-Id";
  public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

  private WebhookSignature() {}

  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a partner's receiver does: the signature matches (in constant time) and the timestamp is fresh. */
  public static boolean verify(String secret, String timestampHeader, String signatureHeader, String body, Instant now) {
    if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("\\d{1,12}")) {
      return false;
    }
    long timestamp = Long.parseLong(timestampHeader);
    if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(REPLAY_WINDOW) > 0) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.US_ASCII));
  }
}
