package id.rekber.notification;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes mails into the notification outbox within the caller's transaction; the dispatcher sends
 * them later. A mail is rendered once, in the recipient's language, and never queued twice for the
 * same dedupe key.
 */
@Component
public class Outbox {
  private final JdbcTemplate jdbc;
  private final MessageSource messages;
  private final Clock clock;

  Outbox(JdbcTemplate jdbc, MessageSource messages, Clock clock) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.clock = clock;
  }

  public boolean hasTemplate(String template) {
    try {
      messages.getMessage(template + ".subject", null, Locale.ENGLISH);
      return true;
    } catch (NoSuchMessageException e) {
      return false;
    }
  }

  public String text(String code, Locale locale) {
    return messages.getMessage(code, null, code, locale);
  }

  public void enqueue(String dedupeKey, String dealId, String recipient, Locale locale, String template, Object[] args) {
    String subject = messages.getMessage(template + ".subject", args, locale);
    String body = messages.getMessage(template + ".body", args, locale);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        """
        INSERT INTO notification_outbox
            (dedupe_key, deal_id, recipient, locale, subject, body, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dedupe_key) DO NOTHING
        """,
        dedupeKey, dealId, recipient, locale.getLanguage(), subject, body, now, now);
  }
}
