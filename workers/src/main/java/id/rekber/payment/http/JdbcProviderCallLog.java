package id.rekber.payment.http;

import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code provider_call}, written in its own statement: the audit survives a rolled-back caller. */
@Component
class JdbcProviderCallLog implements ProviderCallLog {
  private final JdbcTemplate jdbc;

  JdbcProviderCallLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(Entry e) {
    jdbc.update(
        """
        INSERT INTO provider_call (provider, operation, reference, idempotency_key, amount, http_status, provider_code,
                                   provider_message, duration_ms, attempt, called_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        e.provider(), e.operation(), e.reference(), e.idempotencyKey(), e.amount(), e.httpStatus(), e.providerCode(),
        e.providerMessage(), e.durationMs(), e.attempt(), Timestamp.from(e.calledAt()));
  }
}
