package id.rekber.kyc;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure of a NIK (Nomor Induk Kependudukan), 16 digits: PP RR DD ddmmyy SSSS — province,
 * regency/city, district, birth date (day + 40 for women) and a serial number. The date digits must
 * match the stated birth date and gender. Returns the problems found; none means well-formed.
 */
public final class NikValidator {
  public enum Problem { LENGTH, NOT_DIGITS, PROVINCE, REGENCY, DISTRICT, BIRTH_DATE, BIRTH_DATE_MISMATCH, GENDER_MISMATCH, SERIAL }

  private NikValidator() {}

  public static List<Problem> check(String nik, LocalDate birthDate, Gender gender) {
    List<Problem> problems = new ArrayList<>();
    if (nik == null || nik.length() != 16) {
      problems.add(Problem.LENGTH);
      return problems;
    }
    if (!nik.chars().allMatch(c -> c >= '0' && c <= '9')) {
      problems.add(Problem.NOT_DIGITS);
      return problems;
    }
    if (!ProvinceCodes.PROVINCES.containsKey(nik.substring(0, 2))) {
      problems.add(Problem.PROVINCE);
    }
    if (nik.startsWith("00", 2)) {
      problems.add(Problem.REGENCY);
    }
    if (nik.startsWith("00", 4)) {
      problems.add(Problem.DISTRICT);
    }
    if (nik.startsWith("0000", 12)) {
      problems.add(Problem.SERIAL);
    }
    int day = Integer.parseInt(nik.substring(6, 8));
    int month = Integer.parseInt(nik.substring(8, 10));
    int year = Integer.parseInt(nik.substring(10, 12));
    Gender encoded = day > 40 ? Gender.F : Gender.M;
    int realDay = day > 40 ? day - 40 : day;
    if (!validDate(realDay, month, year)) {
      problems.add(Problem.BIRTH_DATE);
      return problems;
    }
    if (birthDate != null
        && (birthDate.getDayOfMonth() != realDay || birthDate.getMonthValue() != month || birthDate.getYear() % 100 != year)) {
      problems.add(Problem.BIRTH_DATE_MISMATCH);
    }
    if (gender != null && gender != encoded) {
      problems.add(Problem.GENDER_MISMATCH);
    }
    return problems;
  }

  private static boolean validDate(int day, int month, int yy) {
    try {
      // 29 February: accept if the day exists in either century the two digits could mean.
      LocalDate.of(2000 + yy, month, day);
      return true;
    } catch (DateTimeException e) {
      try {
        LocalDate.of(1900 + yy, month, day);
        return true;
      } catch (DateTimeException again) {
        return false;
      }
    }
  }
}
