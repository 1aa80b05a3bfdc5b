package id.rekber.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Masked names tell parties apart in a Tasklist form without naming them. */
class MaskingTest {
  @Test
  void aNameKeepsTheFirstLetterOfEachWord() {
    assertThat(Masking.name("Budi Santoso")).isEqualTo("B*** S******");
    assertThat(Masking.name("Sari Dewi (demo)")).isEqualTo("S*** D*** (d***)");
    assertThat(Masking.name("A")).isEqualTo("A");
    assertThat(Masking.name(null)).isNull();
  }
}
