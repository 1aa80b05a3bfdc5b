package id.rekber.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AES-GCM with the key id in each ciphertext: rotation keeps old data readable. */
class PersonalDataCipherTest {
  static final String KEY_1 = Base64.getEncoder().encodeToString("k1-k1-k1-k1-k1-k1-k1-k1-k1-k1-k1".getBytes(StandardCharsets.UTF_8));
  static final String KEY_2 = Base64.getEncoder().encodeToString("k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-k2".getBytes(StandardCharsets.UTF_8));
  static final String INDEX = Base64.getEncoder().encodeToString("index-key".getBytes(StandardCharsets.UTF_8));

  @Test
  void encryptsWithTheActiveKeyAndStillReadsDataOfRetiredKeys() {
    PersonalDataCipher before = new PersonalDataCipher(new PdpProperties("2026-1", Map.of("2026-1", KEY_1), INDEX));
    byte[] old = before.encryptString("3174011708900001");
    assertThat(new String(old, StandardCharsets.ISO_8859_1)).doesNotContain("3174011708900001");
    assertThat(PersonalDataCipher.keyIdOf(old)).isEqualTo("2026-1");
    assertThat(before.encryptString("3174011708900001")).isNotEqualTo(old); // random IV

    PersonalDataCipher after = new PersonalDataCipher(new PdpProperties("2026-2", Map.of("2026-1", KEY_1, "2026-2", KEY_2), INDEX));
    assertThat(after.decryptString(old)).isEqualTo("3174011708900001");
    assertThat(PersonalDataCipher.keyIdOf(after.encryptString("x"))).isEqualTo("2026-2");
    // Same index key: blind indexes stay comparable across the rotation.
    assertThat(after.blindIndex("NIK:1")).isEqualTo(before.blindIndex("NIK:1")).isNotEqualTo(after.blindIndex("NIK:2"));
  }

  @Test
  void refusesTamperedCiphertextAndUnknownKeys() {
    PersonalDataCipher cipher = new PersonalDataCipher(new PdpProperties("2026-1", Map.of("2026-1", KEY_1), INDEX));
    byte[] sealed = cipher.encryptString("1234567890");
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);

    PersonalDataCipher other = new PersonalDataCipher(new PdpProperties("2026-2", Map.of("2026-2", KEY_2), INDEX));
    assertThatThrownBy(() -> other.decrypt(cipher.encryptString("x"))).hasMessageContaining("unknown key id 2026-1");
  }

  @Test
  void textColumnsCarryAPrefixAndLegacyPlainValuesReadAsTheyAre() {
    PersonalDataCipher cipher = new PersonalDataCipher(new PdpProperties("2026-1", Map.of("2026-1", KEY_1), INDEX));
    String stored = cipher.encryptText("1234567890");
    assertThat(stored).startsWith("pdp1:").doesNotContain("1234567890");
    assertThat(cipher.decryptText(stored)).isEqualTo("1234567890");
    assertThat(cipher.decryptText("0987654321")).isEqualTo("0987654321");
  }

  @Test
  void masksForDisplay() {
    assertThat(Masking.nik("3174011708900001")).isEqualTo("3174********0001");
    assertThat(Masking.account("1234567890")).isEqualTo("******7890");
    assertThat(Masking.phone("+6281234567890")).isEqualTo("+62812******90");
  }
}
