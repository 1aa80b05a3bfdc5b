package id.rekber.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries, signed (see {@link WebhookSignature}). A 2xx answer delivers; anything
 * else (or no answer in 5 s) is retried after 10 s, 20 s, 40 s … capped at an hour, and given up
 * (FAILED, replayable) after {@value #MAX_ATTEMPTS} attempts. Rows are claimed with SKIP LOCKED, so
 * several application nodes share the work without sending a delivery twice at once.
 */
@Component
class WebhookDispatcher {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  static final int MAX_ATTEMPTS = 8;
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  WebhookDispatcher(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${rekber.partner.webhook-interval:PT1S}")
  void dispatch() {
    int sent;
    do {
      sent = tx.execute(status -> sendBatch(20));
    } while (sent == 20);
  }

  private int sendBatch(int size) {
    List<Due> batch =
        jdbc.query(
            """
            SELECT w.id, COALESCE(w.replay_of, w.id), w.event_type, w.body, w.attempts, e.url, e.signing_secret
            FROM partner_webhook w JOIN partner_endpoint e ON e.partner_id = w.partner_id
            WHERE w.status = 'PENDING' AND w.next_attempt_at <= ?
            ORDER BY w.id LIMIT ? FOR UPDATE OF w SKIP LOCKED
            """,
            (rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7)),
            Timestamp.from(clock.instant()), size);
    for (Due d : batch) {
      int status = 0;
      String error = null;
      try {
        status = send(d);
      } catch (Exception e) {
        error = e.toString();
      }
      if (status >= 200 && status < 300) {
        jdbc.update("UPDATE partner_webhook SET status = 'DELIVERED', attempts = attempts + 1, last_status = ?, last_error = NULL, delivered_at = ? WHERE id = ?",
            status, Timestamp.from(clock.instant()), d.id());
      } else {
        int attempts = d.attempts() + 1;
        Duration backoff = backoff(attempts);
        log.warn("Partner webhook {} to {} failed (attempt {}): {}", d.id(), d.url(), attempts, error == null ? "HTTP " + status : error);
        jdbc.update(
            "UPDATE partner_webhook SET status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
            attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING", attempts, status == 0 ? null : status,
            error == null ? null : error.substring(0, Math.min(500, error.length())), Timestamp.from(clock.instant().plus(backoff)), d.id());
      }
    }
    return batch.size();
  }

  private int send(Due d) throws Exception {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(d.url()))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(d.secret(), timestamp, d.body()))
            .header(WebhookSignature.EVENT_ID_HEADER, Long.toString(d.eventId()))
            .header(WebhookSignature.DELIVERY_ID_HEADER, Long.toString(d.id()))
            .POST(HttpRequest.BodyPublishers.ofString(d.body()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static Duration backoff(int attempts) {
    long seconds = 10L << Math.min(attempts - 1, 20);
    return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
  }

  private record Due(long id, long eventId, String eventType, String body, int attempts, String url, String secret) {}
}
