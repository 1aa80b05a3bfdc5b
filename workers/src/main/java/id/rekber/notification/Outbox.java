package id.rekber.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes mails into the notification outbox within the caller's transaction; the dispatcher sends
 * them later. A mail is rendered once, in the recipient's language, and never queued twice for the
 * same dedupe key. The texts are {@link MailTemplates}.
 */
@Component
public class Outbox {
  private final JdbcTemplate jdbc;
  private final MailTemplates templates;
  private final MessageSource messages;
  private final Clock clock;

  Outbox(JdbcTemplate jdbc, MailTemplates templates, MessageSource messages, Clock clock) {
    this.jdbc = jdbc;
    this.templates = templates;
    this.messages = messages;
    this.clock = clock;
  }

  public boolean hasTemplate(String template) {
    return templates.exists(template);
  }

  public String text(String code, Locale locale) {
    return messages.getMessage(code, null, code, locale);
  }

  /** Queues the mail {@code template} (see {@link MailTemplates}) rendered with {@code variables} in {@code locale}. */
  public void enqueue(String dedupeKey, String dealId, String recipient, Locale locale, String template, Map<String, ?> variables) {
    MailTemplates.Mail mail = templates.render(template, locale, variables);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        """
        INSERT INTO notification_outbox
            (dedupe_key, deal_id, recipient, locale, subject, body, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dedupe_key) DO NOTHING
        """,
        dedupeKey, dealId, recipient, locale.getLanguage(), mail.subject(), mail.body(), now, now);
  }
}
