package id.rekber.payment.midtrans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Midtrans' signatures: a payment notification's {@code signature_key} is SHA-512 hex of order id +
 * status code + gross amount + server key, over the strings exactly as received; an Iris
 * notification's {@code Iris-Signature} is SHA-512 hex of the raw body + the Iris merchant key.
 * Compared in constant time.
 */
public final class MidtransSignature {
  private MidtransSignature() {}

  public static String sha512(byte[]... parts) {
    try {
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      for (byte[] part : parts) {
        sha512.update(part);
      }
      return HexFormat.of().formatHex(sha512.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String payment(String orderId, String statusCode, String grossAmount, String serverKey) {
    return sha512((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
  }

  public static String iris(byte[] body, String merchantKey) {
    return sha512(body, merchantKey.getBytes(StandardCharsets.UTF_8));
  }

  public static boolean same(String expected, String given) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
