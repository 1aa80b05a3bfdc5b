package id.rekber.escrow;

import java.security.SecureRandom;

/** Short deal codes people can read out on WhatsApp: RB- and eight Crockford base32 characters. */
final class DealIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private DealIds() {}

  static String next() {
    StringBuilder id = new StringBuilder("RB-");
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
