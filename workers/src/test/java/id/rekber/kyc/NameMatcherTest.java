package id.rekber.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Indonesian names as banks and KTPs write them. */
class NameMatcherTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Budi Santoso                  | BUDI SANTOSO              | MATCH
      budi santoso                  | Budi  Santoso.            | MATCH
      H. Ahmad Fauzi, S.E.          | AHMAD FAUZI               | MATCH
      Hj. Siti Nurhaliza            | SITI NURHALIZA            | MATCH
      Dr. Ir. Bambang Wijaya, M.M.  | BAMBANG WIJAYA            | MATCH
      Rudi Hartono S.Kom.           | RUDI HARTONO              | MATCH
      Ahmad bin Abdullah            | AHMAD                     | MATCH
      Siti Aminah binti Hasan       | SITI AMINAH               | MATCH
      Santoso Budi                  | BUDI SANTOSO              | MATCH
      M. Rizky Pratama              | MUHAMMAD RIZKY PRATAMA    | MATCH
      Mochammad Rizky               | MUHAMAD RIZKY             | MATCH
      Soekarno                      | SUKARNO                   | MATCH
      Djoko Tjahjono                | JOKO CAHYONO              | MATCH
      Siti Aminah Putri             | SITI AMINAH               | PARTIAL
      Dewi Lestari                  | DEWI                      | PARTIAL
      Joko Susilo                   | BAMBANG HARIYANTO         | MISMATCH
      Budi Santoso                  | BUDI SANTOSA              | MISMATCH
      Rina                          | RINI                      | MISMATCH
      """)
  void matchesLikeACarefulClerk(String ktpName, String holderName, NameMatcher.Result expected) {
    assertThat(NameMatcher.match(ktpName, holderName)).isEqualTo(expected);
    assertThat(NameMatcher.match(holderName, ktpName)).isEqualTo(expected);
  }
}
