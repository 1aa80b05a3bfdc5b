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

  /**
   * A bank account ({@code kind} BANK_ACCOUNT with a bank code) or a phone number as the list keys it:
   * its blind index and a masked copy. Refuses a malformed number.
   */
  public Subject subject(String kind, String bankCode, String value) {
    if (BANK_ACCOUNT.equals(kind)) {
      String number = value == null ? null : value.replaceAll("[\\s.-]", "");
      if (bankCode == null || !bankCode.trim().matches("[A-Za-z]{2,20}") || number == null || !number.matches("\\d{6,20}")) {
        throw Refusal.invalid("blocklist.bank-account.invalid");
      }
      return new Subject(kind, cipher.blindIndex(bankKey(bankCode.trim(), number)), bankCode.trim().toUpperCase(Locale.ROOT) + " " + Masking.account(number));
    }
    if (PHONE.equals(kind)) {
      String phone = value == null ? null : KycFormReader.phone(value.trim());
      if (phone == null) {
        throw Refusal.invalid("blocklist.phone.invalid");
      }
      return new Subject(kind, cipher.blindIndex(phoneKey(phone)), Masking.phone(phone));
    }
    throw Refusal.invalid("blocklist.kind.invalid");
  }

  @Transactional
  public Entry add(String kind, String bankCode, String value, String reason, String admin) {
    Subject subject = subject(kind, bankCode, value);
    String index = subject.index();
    String masked = subject.masked();
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

  /** Lists a number a verified fraud report names; empty when it is listed already (by an admin or another report). */
  @Transactional
  public java.util.Optional<Long> addReported(Subject subject, String reason, String actor) {
    String text = reason.length() > 300 ? reason.substring(0, 300) : reason;
    List<Long> ids = jdbc.queryForList(
        "INSERT INTO kyc_blocklist (kind, value_index, masked, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (kind, value_index) DO NOTHING RETURNING id",
        Long.class, subject.kind(), subject.index(), subject.masked(), text, actor, Timestamp.from(clock.instant()));
    ids.forEach(id -> audit.record(new AuditEvent(null, actor, "BLOCKLIST_ADD", "blocklist", String.valueOf(id), "ALLOWED", null, null,
        subject.kind() + " " + subject.masked() + ": " + text)));
    return ids.stream().findFirst();
  }

  /** Lifts an entry a report put there (its appeal was normalised); nothing when it is gone already. */
  @Transactional
  public void lift(long id, String actor, String reason) {
    if (jdbc.update("DELETE FROM kyc_blocklist WHERE id = ?", id) > 0) {
      audit.record(new AuditEvent(null, actor, "BLOCKLIST_LIFT", "blocklist", String.valueOf(id), "ALLOWED", null, null, reason));
    }
  }

  /** When the number was listed, if it is. */
  @Transactional(readOnly = true)
  public java.util.Optional<Instant> listedSince(Subject subject) {
    return jdbc.queryForList("SELECT created_at FROM kyc_blocklist WHERE kind = ? AND value_index = ?", Timestamp.class, subject.kind(), subject.index())
        .stream().findFirst().map(Timestamp::toInstant);
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

  /** A number as the list keys it: never the number itself. */
  public record Subject(String kind, String index, String masked) {}

  public record Entry(long id, String kind, String masked, String reason, String createdBy, Instant createdAt) {
    static final org.springframework.jdbc.core.RowMapper<Entry> ROW =
        (rs, i) -> new Entry(rs.getLong("id"), rs.getString("kind"), rs.getString("masked"), rs.getString("reason"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
