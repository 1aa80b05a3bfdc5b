package id.rekber.notification;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. A failed send is retried with growing back-off (up to an hour);
 * an SMTP outage delays mail but never drops it. Rows are claimed with SKIP LOCKED so several
 * application instances can share the work.
 */
@Component
class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final JdbcTemplate jdbc;
  private final JavaMailSender mail;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String sender;

  OutboxDispatcher(
      JdbcTemplate jdbc,
      JavaMailSender mail,
      TransactionTemplate tx,
      Clock clock,
      @Value("${rekber.mail.from:Rekber <no-reply@rekber.test>}") String sender) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.tx = tx;
    this.clock = clock;
    this.sender = sender;
  }

  @Scheduled(fixedDelayString = "${rekber.mail.dispatch-interval:PT1S}")
  void dispatch() {
    int sent;
    do {
      sent = tx.execute(status -> sendBatch(20));
    } while (sent == 20);
  }

  private int sendBatch(int size) {
    List<Pending> batch =
        jdbc.query(
            """
            SELECT id, recipient, subject, body, attempts FROM notification_outbox
            WHERE status = 'PENDING' AND next_attempt_at <= ?
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
            """,
            (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
            Timestamp.from(clock.instant()), size);
    int sent = 0;
    for (Pending p : batch) {
      try {
        send(p);
        jdbc.update(
            "UPDATE notification_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id = ?",
            Timestamp.from(clock.instant()), p.id());
        sent++;
      } catch (Exception e) {
        Duration backoff = backoff(p.attempts() + 1);
        log.warn("Mail {} to {} failed (attempt {}), retry in {}: {}", p.id(), p.recipient(), p.attempts() + 1, backoff, e.toString());
        jdbc.update(
            "UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
            truncate(e.toString(), 500), Timestamp.from(clock.instant().plus(backoff)), p.id());
        return 0; // the server is likely down: leave the rest for the next round
      }
    }
    return sent;
  }

  static Duration backoff(int attempts) {
    long seconds = 5L << Math.min(attempts - 1, 20);
    return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
  }

  private void send(Pending p) throws Exception {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(sender);
    helper.setTo(p.recipient());
    helper.setSubject(p.subject());
    helper.setText(p.body(), false);
    mail.send(message);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private record Pending(long id, String recipient, String subject, String body, int attempts) {}
}
