package id.rekber.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Midtrans-style callback signature: SHA-512 hex of order id + status code + gross amount + server key. */
public final class MidtransSignature {
  private MidtransSignature() {}

  public static String sign(String orderId, String statusCode, String grossAmount, String serverKey) {
    try {
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      byte[] digest = sha512.digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean matches(String signature, String orderId, String statusCode, String grossAmount, String serverKey) {
    if (signature == null) {
      return false;
    }
    byte[] expected = sign(orderId, statusCode, grossAmount, serverKey).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
