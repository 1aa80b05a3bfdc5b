package id.rekber.payment;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of every provider callback we acted on; a second one with the same id is a duplicate. */
@Component
class ProviderNotifications {
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ProviderNotifications(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** True if this notification is new (and is now recorded), false if it was seen before. */
  boolean recordFirst(String provider, String notificationId, String kind, String reference, String status, String outcome) {
    return jdbc.update(
            """
            INSERT INTO provider_notification (provider, notification_id, kind, reference, status, outcome, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """,
            provider, notificationId, kind, reference, status, outcome, Timestamp.from(clock.instant()))
        == 1;
  }
}
