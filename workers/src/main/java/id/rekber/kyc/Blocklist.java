package id.rekber.kyc;

import id.rekber.privacy.Masking;
import id.rekber.privacy.PersonalDataCipher;
import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank accounts and phone numbers reported for fraud. Entries are kept as blind indexes with a
 * masked copy, so the list itself holds no readable personal data. Every change is audited.
 */
@Service
public class Blocklist {
  public static final String BANK_ACCOUNT = "BANK_ACCOUNT";
  public static final String PHONE = "PHONE";

  private final JdbcTemplate jdbc;
  private final PersonalDataCipher cipher;
  private final AuditTrail audit;
  private final Clock clock;

  Blocklist(JdbcTemplate jdbc, PersonalDataCipher cipher, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.audit = audit;
    this.clock = clock;
  }

  static String bankKey(String bankCode, String accountNumber) {
    return "BANK:" + bankCode.toUpperCase(Locale.ROOT) + ":" + accountNumber;
  }

  static String phoneKey(String phone) {
    return "PHONE:" + phone;
  }

  @Transactional
  public Entry add(String kind, String bankCode, String value, String reason, String admin) {
    String index;
    String masked;
    if (BANK_ACCOUNT.equals(kind)) {
      if (bankCode == null || !bankCode.trim().matches("[A-Za-z]{2,20}") || value == null || !value.trim().matches("\\d{6,20}")) {
        throw Refusal.invalid("blocklist.bank-account.invalid");
      }
      index = cipher.blindIndex(bankKey(bankCode.trim(), value.trim()));
      masked = bankCode.trim().toUpperCase(Locale.ROOT) + " " + Masking.account(value.trim());
    } else if (PHONE.equals(kind)) {
      String phone = value == null ? null : KycFormReader.phone(value.trim());
      if (phone == null) {
        throw Refusal.invalid("blocklist.phone.invalid");
      }
      index = cipher.blindIndex(phoneKey(phone));
      masked = Masking.phone(phone);
    } else {
      throw Refusal.invalid("blocklist.kind.invalid");
    }
    if (reason == null || reason.isBlank() || reason.length() > 300) {
      throw Refusal.invalid("blocklist.reason.required");
    }
    Instant now = clock.instant();
    int added =
        jdbc.update(
            "INSERT INTO kyc_blocklist (kind, value_index, masked, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (kind, value_index) DO NOTHING",
            kind, index, masked, reason.trim(), admin, Timestamp.from(now));
    if (added == 0) {
      throw Refusal.conflict("blocklist.duplicate");
    }
    Entry entry = jdbc.queryForObject("SELECT * FROM kyc_blocklist WHERE kind = ? AND value_index = ?", Entry.ROW, kind, index);
    audit.record(new AuditEvent(null, admin, "BLOCKLIST_ADD", "blocklist", String.valueOf(entry.id()), "ALLOWED", null, null, kind + " " + masked + ": " + reason.trim()));
    return entry;
  }

  @Transactional
  public void remove(long id, String admin) {
    List<Entry> entries = jdbc.query("SELECT * FROM kyc_blocklist WHERE id = ?", Entry.ROW, id);
    if (entries.isEmpty()) {
      throw Refusal.notFound("blocklist.not-found", id);
    }
    jdbc.update("DELETE FROM kyc_blocklist WHERE id = ?", id);
    Entry e = entries.get(0);
    audit.record(new AuditEvent(null, admin, "BLOCKLIST_REMOVE", "blocklist", String.valueOf(id), "ALLOWED", null, null, e.kind() + " " + e.masked()));
  }

  @Transactional(readOnly = true)
  public java.util.Optional<Entry> find(long id) {
    return jdbc.query("SELECT * FROM kyc_blocklist WHERE id = ?", Entry.ROW, id).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public List<Entry> all() {
    return jdbc.query("SELECT * FROM kyc_blocklist ORDER BY id", Entry.ROW);
  }

  boolean containsBankAccountIndex(String index) {
    return contains(BANK_ACCOUNT, index);
  }

  boolean containsPhoneIndex(String index) {
    return index != null && contains(PHONE, index);
  }

  private boolean contains(String kind, String index) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM kyc_blocklist WHERE kind = ? AND value_index = ?)", Boolean.class, kind, index));
  }

  public record Entry(long id, String kind, String masked, String reason, String createdBy, Instant createdAt) {
    static final org.springframework.jdbc.core.RowMapper<Entry> ROW =
        (rs, i) -> new Entry(rs.getLong("id"), rs.getString("kind"), rs.getString("masked"), rs.getString("reason"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
