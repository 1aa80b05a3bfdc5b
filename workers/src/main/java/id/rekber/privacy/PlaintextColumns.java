package id.rekber.privacy;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Encrypts personal data that versions before encryption (and the V4 demo seed) wrote in clear.
 * Each module calls it at start-up for its own columns. Idempotent: encrypted values carry a prefix
 * and are left alone. Also refuses the DEMO-ONLY key outside single-node mode.
 */
@Component
public class PlaintextColumns {
  private final JdbcTemplate jdbc;
  private final PersonalDataCipher cipher;

  PlaintextColumns(JdbcTemplate jdbc, PersonalDataCipher cipher, @Value("${rekber.mode:single-node}") String mode) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    if (!"single-node".equals(mode) && cipher.activeKeyId().startsWith("demo")) {
      throw new IllegalStateException("rekber.pdp uses the DEMO-ONLY key outside single-node mode: configure REKBER_PDP_* keys");
    }
  }

  /** Encrypts the values of {@code table.column} still in clear; returns how many. */
  @Transactional
  public int encrypt(String table, String idColumn, String column) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT " + idColumn + " AS id, " + column + " AS v FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column + " NOT LIKE 'pdp1:%' FOR UPDATE");
    for (Map<String, Object> row : rows) {
      jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE " + idColumn + " = ?", cipher.encryptText((String) row.get("v")), row.get("id"));
    }
    return rows.size();
  }
}
