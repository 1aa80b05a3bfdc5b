package id.rekber.kyc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Turns what the member typed and uploaded into a {@link KycForm}, or field → message code. */
@Component
class KycFormReader {
  private final KycProperties properties;
  private final Clock clock;

  KycFormReader(KycProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  KycForm read(Map<String, String> fields, MultipartFile ktpPhoto, MultipartFile selfie) {
    Map<String, String> errors = new LinkedHashMap<>();
    String fullName = text(fields, "fullName").replaceAll("\\s+", " ");
    if (fullName.isEmpty()) {
      errors.put("fullName", "kyc.fullName.required");
    } else if (fullName.length() < 3 || fullName.length() > 100 || !fullName.matches("[\\p{L} .,'-]+")) {
      errors.put("fullName", "kyc.fullName.pattern");
    }
    Gender gender = null;
    try {
      gender = Gender.valueOf(text(fields, "gender"));
    } catch (IllegalArgumentException e) {
      errors.put("gender", "kyc.gender.required");
    }
    LocalDate birthDate = null;
    try {
      birthDate = LocalDate.parse(text(fields, "birthDate"));
      if (birthDate.isAfter(LocalDate.now(clock).minusYears(17)) || birthDate.isBefore(LocalDate.of(1900, 1, 1))) {
        errors.put("birthDate", "kyc.birthDate.age");
      }
    } catch (DateTimeParseException e) {
      errors.put("birthDate", "kyc.birthDate.required");
    }
    String nik = text(fields, "nik").replaceAll("[\\s.-]", "");
    if (!nik.matches("\\d{16}")) {
      errors.put("nik", "kyc.nik.pattern");
    }
    String phone = phone(text(fields, "phone"));
    if (phone == null) {
      errors.put("phone", "kyc.phone.pattern");
    }
    String bankCode = text(fields, "bankCode").toUpperCase(Locale.ROOT);
    if (!bankCode.matches("[A-Z]{2,20}")) {
      errors.put("bankCode", "kyc.bankCode.pattern");
    }
    String account = text(fields, "bankAccountNumber").replaceAll("[\\s.-]", "");
    if (!account.matches("\\d{6,20}")) {
      errors.put("bankAccountNumber", "kyc.bankAccountNumber.pattern");
    }
    Upload ktp = upload("ktpPhoto", ktpPhoto, errors);
    Upload face = upload("selfie", selfie, errors);
    if (!errors.isEmpty()) {
      throw new KycInvalidException(errors);
    }
    return new KycForm(fullName, gender, birthDate, nik, phone, bankCode, account, ktp, face);
  }

  private Upload upload(String field, MultipartFile file, Map<String, String> errors) {
    if (file == null || file.isEmpty()) {
      errors.put(field, "kyc.photo.required");
      return null;
    }
    if (file.getSize() > properties.maxPhotoBytes()) {
      errors.put(field, "kyc.photo.too-large");
      return null;
    }
    try {
      byte[] bytes = file.getBytes();
      String type = Upload.sniff(bytes);
      if (type == null) {
        errors.put(field, "kyc.photo.type");
        return null;
      }
      return new Upload(type, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indonesian mobile numbers: 08…, 628… or +628…, stored as +628…. */
  static String phone(String raw) {
    String digits = raw.replaceAll("[\\s().-]", "");
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    } else if (digits.startsWith("0")) {
      digits = "62" + digits.substring(1);
    }
    return digits.matches("628\\d{7,11}") ? "+" + digits : null;
  }

  private static String text(Map<String, String> fields, String key) {
    String value = fields.get(key);
    return value == null ? "" : value.trim();
  }
}
