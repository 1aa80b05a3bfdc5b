package id.rekber.singlenode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B (SHA-1, secret "12345678901234567890"), truncated to the six digits Keycloak uses. */
class DemoStaffOtpTest {
  static final String RFC_SECRET = "12345678901234567890";

  @Test
  void codesMatchTheRfcTestVectors() {
    assertThat(DemoStaffOtp.code(RFC_SECRET, DemoStaffOtp.step(59_000L))).isEqualTo("287082");
    assertThat(DemoStaffOtp.code(RFC_SECRET, DemoStaffOtp.step(1_111_111_109_000L))).isEqualTo("081804");
    assertThat(DemoStaffOtp.code(RFC_SECRET, DemoStaffOtp.step(1_234_567_890_000L))).isEqualTo("005924");
    assertThat(DemoStaffOtp.code(RFC_SECRET, DemoStaffOtp.step(20_000_000_000_000L))).isEqualTo("353130");
  }

  @Test
  void theSetupKeyIsTheSecretInBase32() {
    assertThat(DemoStaffOtp.base32("12345678901234567890".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }
}
