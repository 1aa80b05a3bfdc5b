package id.rekber.privacy;

/** How personal data is shown by default: enough to recognise it, not enough to misuse it. */
public final class Masking {
  private Masking() {}

  /** {@code 3174********0001}: province and regency, and the serial number. */
  public static String nik(String nik) {
    if (nik == null) {
      return null;
    }
    if (nik.length() < 8) {
      return "*".repeat(nik.length());
    }
    return nik.substring(0, 4) + "*".repeat(nik.length() - 8) + nik.substring(nik.length() - 4);
  }

  /** {@code ******7890}: the last four digits only. */
  public static String account(String number) {
    if (number == null) {
      return null;
    }
    int shown = Math.min(4, Math.max(0, number.length() - 2));
    return "*".repeat(number.length() - shown) + number.substring(number.length() - shown);
  }

  /** {@code ****-**-**}: the birth date is never shown masked in part. */
  public static String birthDate(Object date) {
    return date == null ? null : "****-**-**";
  }

  /** {@code +62812*****01}. */
  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "*".repeat(phone.length());
    }
    return phone.substring(0, 6) + "*".repeat(phone.length() - 8) + phone.substring(phone.length() - 2);
  }

  /** {@code B*** S******}: the first letter of each word, for telling parties apart without naming them. */
  public static String name(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder masked = new StringBuilder(name.length());
    boolean wordStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = Character.isLetterOrDigit(c);
      masked.append(letter && !wordStart ? '*' : c);
      wordStart = !letter;
    }
    return masked.toString();
  }
}
