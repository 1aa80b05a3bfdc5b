package id.rekber.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.kyc.NikValidator.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real-shaped NIKs: PP RR DD ddmmyy SSSS, day + 40 for women. */
class NikValidatorTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      3174011708900001 | 1990-08-17 | M | 
      3174015708900002 | 1990-08-17 | F | 
      3273046101850003 | 1985-01-21 | F | 
      1101010101000001 | 2000-01-01 | M | 
      9601012902040001 | 2004-02-29 | M | 
      317401170890001  | 1990-08-17 | M | LENGTH
      31740117089000012| 1990-08-17 | M | LENGTH
      31740117O8900001 | 1990-08-17 | M | NOT_DIGITS
      9974011708900001 | 1990-08-17 | M | PROVINCE
      2074011708900001 | 1990-08-17 | M | PROVINCE
      3100011708900001 | 1990-08-17 | M | REGENCY
      3174001708900001 | 1990-08-17 | M | DISTRICT
      3174011708900000 | 1990-08-17 | M | SERIAL
      3174013202900001 | 1990-02-01 | M | BIRTH_DATE
      3174017202900001 | 1990-02-01 | F | BIRTH_DATE
      3174011713900001 | 1990-08-17 | M | BIRTH_DATE
      3174013002900001 | 1990-02-28 | M | BIRTH_DATE
      3174011708910001 | 1990-08-17 | M | BIRTH_DATE_MISMATCH
      3174011808900001 | 1990-08-17 | M | BIRTH_DATE_MISMATCH
      3174015708900002 | 1990-08-17 | M | GENDER_MISMATCH
      3174011708900001 | 1990-08-17 | F | GENDER_MISMATCH
      """)
  void checksStructureDateAndGender(String nik, LocalDate birthDate, Gender gender, String expected) {
    List<Problem> problems = NikValidator.check(nik, birthDate, gender);
    if (expected == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).containsExactly(Problem.valueOf(expected));
    }
  }
}
