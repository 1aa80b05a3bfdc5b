package id.rekber.identity;

import java.util.Optional;

/** Indonesian mobile numbers as people type them (0812…, 62812…, +62 812-…) in one form: +62812…. */
public final class PhoneNumbers {
  private PhoneNumbers() {}

  public static Optional<String> normalize(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String digits = typed.replaceAll("[\\s().-]", "");
    if (digits.startsWith("+62")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("62")) {
      digits = digits.substring(2);
    } else if (digits.startsWith("0")) {
      digits = digits.substring(1);
    } else {
      return Optional.empty();
    }
    return digits.matches("8\\d{7,11}") ? Optional.of("+62" + digits) : Optional.empty();
  }

  public static boolean looksLikePhone(String typed) {
    return typed != null && typed.trim().matches("[+0-9][0-9 ().-]*");
  }
}
