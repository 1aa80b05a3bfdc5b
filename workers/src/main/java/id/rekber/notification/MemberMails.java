package id.rekber.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The mails Rekber wrote to a member (from the outbox, sent or not yet), newest first. */
@Component
public class MemberMails {
  private final JdbcTemplate jdbc;

  MemberMails(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Mail> of(String email, int limit) {
    return jdbc.query(
        """
        SELECT id, deal_id, subject, body, created_at, sent_at FROM notification_outbox
        WHERE lower(recipient) = lower(?) ORDER BY created_at DESC, id DESC LIMIT ?
        """,
        (rs, i) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6))),
        email, limit);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  public record Mail(long id, String dealId, String subject, String body, Instant createdAt, Instant sentAt) {}
}
