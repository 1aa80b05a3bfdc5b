package id.rekber.singlenode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DEMO ONLY. The TOTP secret of the demo staff users (admin, mediator, compliance, analyst) in
 * single-node mode, which fills the realm file's {@code ${REKBER_DEMO_TOTP_SECRET}}, and the RFC 6238
 * code for it (HMAC-SHA1, 6 digits, 30-second steps: Keycloak's default OTP policy). Keycloak keys
 * the HMAC with the secret's UTF-8 bytes; an authenticator app takes them as Base32 ({@link #BASE32}).
 *
 * <p>Prints the current code: {@code java single-node/src/main/java/id/rekber/singlenode/DemoStaffOtp.java}
 * (what {@code scripts/staff-otp.sh} runs). Anyone can read this secret: never seed it outside a demo.
 */
public final class DemoStaffOtp {
  public static final String SECRET = "rekber-staff-DEMO-ONLY";
  /** {@link #SECRET} in Base32, for an authenticator app ("enter a setup key", time based). */
  public static final String BASE32 = base32(SECRET.getBytes(StandardCharsets.UTF_8));
  public static final int PERIOD_SECONDS = 30;

  private DemoStaffOtp() {}

  /** The 30-second time step an instant (epoch milliseconds) falls into. */
  public static long step(long epochMillis) {
    return Math.floorDiv(epochMillis / 1000, PERIOD_SECONDS);
  }

  /** The six-digit code of {@code secret} for a time step (RFC 6238, HMAC-SHA1). */
  public static String code(String secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
          | (hash[offset + 3] & 0xff);
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String base32(byte[] bytes) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 0x1f));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 0x1f));
    }
    return out.toString();
  }

  /**
   * Prints the current code of the demo secret (or of the secret given as the first argument), and
   * with {@code --key} the setup key for an authenticator app.
   */
  public static void main(String[] args) {
    String secret = args.length > 0 && !args[0].isBlank() && !args[0].startsWith("--") ? args[0] : SECRET;
    if (java.util.Arrays.asList(args).contains("--key")) {
      System.out.println("Setup key (Base32, time based, 6 digits, 30 s): " + base32(secret.getBytes(StandardCharsets.UTF_8)));
    }
    long now = System.currentTimeMillis();
    long left = PERIOD_SECONDS - (now / 1000) % PERIOD_SECONDS;
    System.out.println(code(secret, step(now)) + "  (valid " + left + " s more; the next code is " + code(secret, step(now) + 1) + ")");
  }
}
