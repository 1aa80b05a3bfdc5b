package id.rekber.trust;

import id.rekber.platform.Refusal;
import id.rekber.privacy.PersonalDataCipher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most {@code rekber.trust.checks-per-minute} public checks per client and minute. The counter is
 * a row in PostgreSQL (one fixed window per client and minute, keyed by a blind index of the client
 * address, so no address is stored), shared by every instance in cluster mode. Old windows are
 * deleted as new ones open.
 */
@Component
class PublicCheckLimiter {
  private final JdbcTemplate jdbc;
  private final PersonalDataCipher cipher;
  private final TrustProperties properties;
  private final Clock clock;

  PublicCheckLimiter(JdbcTemplate jdbc, PersonalDataCipher cipher, TrustProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.properties = properties;
    this.clock = clock;
  }

  /** Counts one check for {@code client}; refuses with 429 once the minute's budget is spent. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void acquire(String client) {
    Instant window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    String index = cipher.blindIndex("CLIENT:" + client);
    Integer hits = jdbc.queryForObject(
        "INSERT INTO public_check_window (client_index, window_start, hits) VALUES (?, ?, 1)"
            + " ON CONFLICT (client_index, window_start) DO UPDATE SET hits = public_check_window.hits + 1 RETURNING hits",
        Integer.class, index, Timestamp.from(window));
    if (hits != null && hits == 1) {
      jdbc.update("DELETE FROM public_check_window WHERE window_start < ?", Timestamp.from(window.minus(10, ChronoUnit.MINUTES)));
    }
    if (hits != null && hits > properties.checksPerMinute()) {
      throw new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "check.rate-limited", properties.checksPerMinute());
    }
  }
}
