package id.rekber.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Append-only record of who did what, when, from where, on which object. */
@Component
public class AuditTrail {
  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuditTrail(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(AuditEvent event) {
    jdbc.update(
        """
        INSERT INTO audit_event (occurred_at, actor, action, object_type, object_id, outcome, http_status, remote_addr, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        Timestamp.from(clock.instant()), event.actor(), truncate(event.action(), 120), event.objectType(), event.objectId(),
        event.outcome(), event.httpStatus(), event.remoteAddr(), truncate(event.detail(), 500));
  }

  public List<AuditEvent> latest(int limit) {
    return jdbc.query(
        "SELECT occurred_at, actor, action, object_type, object_id, outcome, http_status, remote_addr, detail FROM audit_event ORDER BY id DESC LIMIT ?",
        (rs, i) -> new AuditEvent(
            rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), (Integer) rs.getObject(7), rs.getString(8), rs.getString(9)),
        limit);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
