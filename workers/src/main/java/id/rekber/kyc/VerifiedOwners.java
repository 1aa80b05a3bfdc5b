package id.rekber.kyc;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which KYC-verified member a bank account or phone number belongs to: the one whose approved
 * submission carries the same blind index (the caller checks the member's tier today). Answers an id, never a name.
 */
@Component
public class VerifiedOwners {
  private final JdbcTemplate jdbc;

  VerifiedOwners(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<UUID> of(Blocklist.Subject subject) {
    String column = Blocklist.BANK_ACCOUNT.equals(subject.kind()) ? "s.bank_account_index" : "s.phone_index";
    return jdbc.queryForList(
            "SELECT s.user_id FROM kyc_submission s WHERE s.status = 'APPROVED' AND " + column + " = ? ORDER BY s.decided_at DESC LIMIT 1",
            UUID.class, subject.index())
        .stream().findFirst();
  }
}
