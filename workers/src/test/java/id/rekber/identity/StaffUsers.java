package id.rekber.identity;

import java.time.Instant;
import java.util.Locale;

/** Staff members for tests that need an {@link AppUser} without a database (contract tests). */
public final class StaffUsers {
  private StaffUsers() {}

  public static AppUser staff(String email) {
    return new AppUser("sub-" + email, email, email, Locale.ENGLISH, Instant.parse("2026-01-01T00:00:00Z"));
  }
}
