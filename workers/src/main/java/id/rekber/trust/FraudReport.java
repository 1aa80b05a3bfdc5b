package id.rekber.trust;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A fraud report as stored: the number only as its blind index and a masked copy. */
public record FraudReport(
    UUID id, UUID reporterId, String kind, String valueIndex, String masked, String description, String dealId, String status,
    UUID ownerId, Long blocklistId, String decisionNote, String verifiedBy, Instant decidedAt, Instant appealBy, String appealText,
    Instant appealedAt, String appealDecidedBy, String appealNote, Instant appealDecidedAt, Long processInstanceKey, Instant createdAt) {

  public static final String OPEN = "OPEN";
  public static final String VERIFIED = "VERIFIED";
  public static final String DISMISSED = "DISMISSED";
  public static final String ABUSIVE = "ABUSIVE";
  public static final String APPEALED = "APPEALED";
  public static final String NORMALISED = "NORMALISED";
  public static final String UPHELD = "UPHELD";

  /** The report counts against the number: verified and not normalised. */
  public boolean stands() {
    return VERIFIED.equals(status) || APPEALED.equals(status) || UPHELD.equals(status);
  }

  /** The owner may still appeal: verified, nobody appealed yet, the window is open. */
  public boolean appealableAt(Instant now) {
    return VERIFIED.equals(status) && appealedAt == null && appealBy != null && now.isBefore(appealBy);
  }

  static FraudReport row(ResultSet rs, int i) throws SQLException {
    return new FraudReport(rs.getObject("id", UUID.class), rs.getObject("reporter_id", UUID.class), rs.getString("kind"), rs.getString("value_index"),
        rs.getString("masked"), rs.getString("description"), rs.getString("deal_id"), rs.getString("status"), rs.getObject("owner_id", UUID.class),
        (Long) rs.getObject("blocklist_id"), rs.getString("decision_note"), rs.getString("verified_by"), instant(rs, "decided_at"),
        instant(rs, "appeal_by"), rs.getString("appeal_text"), instant(rs, "appealed_at"), rs.getString("appeal_decided_by"), rs.getString("appeal_note"),
        instant(rs, "appeal_decided_at"), (Long) rs.getObject("process_instance_key"), instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
