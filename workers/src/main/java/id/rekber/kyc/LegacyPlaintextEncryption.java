package id.rekber.kyc;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At startup: refuses the DEMO-ONLY key outside single-node mode, and encrypts payout account
 * numbers and payout destinations written in clear by versions before encryption (and the V4 demo
 * seed). Idempotent: encrypted values carry a prefix and are left alone.
 */
@Component
class LegacyPlaintextEncryption {
  private static final Logger log = LoggerFactory.getLogger(LegacyPlaintextEncryption.class);

  private final JdbcTemplate jdbc;
  private final PersonalDataCipher cipher;
  private final String mode;

  LegacyPlaintextEncryption(JdbcTemplate jdbc, PersonalDataCipher cipher, @Value("${rekber.mode:single-node}") String mode) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.mode = mode;
    if (!"single-node".equals(mode) && cipher.activeKeyId().startsWith("demo")) {
      throw new IllegalStateException("rekber.pdp uses the DEMO-ONLY key outside single-node mode: configure REKBER_PDP_* keys");
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void encryptLegacyPlaintext() {
    int users = encrypt("app_user", "id", "bank_account_number");
    int payouts = encrypt("payout", "id", "destination");
    if (users + payouts > 0) {
      log.info("Encrypted {} payout account numbers and {} payout destinations stored in clear", users, payouts);
    }
  }

  private int encrypt(String table, String idColumn, String column) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT " + idColumn + " AS id, " + column + " AS v FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column + " NOT LIKE 'pdp1:%' FOR UPDATE");
    for (Map<String, Object> row : rows) {
      jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE " + idColumn + " = ?", cipher.encryptText((String) row.get("v")), row.get("id"));
    }
    return rows.size();
  }
}
