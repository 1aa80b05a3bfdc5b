package id.rekber.payment.funds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code funds_reconciliation}: one row per checked day. */
@Repository
class FundsDays {
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  FundsDays(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void save(FundsCheck check, Instant checkedAt) {
    jdbc.update(
        """
        INSERT INTO funds_reconciliation (day, provider, customer_held, fees, provider_balance, difference, reconciled, items, checked_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (day) DO UPDATE SET provider = EXCLUDED.provider, customer_held = EXCLUDED.customer_held, fees = EXCLUDED.fees,
          provider_balance = EXCLUDED.provider_balance, difference = EXCLUDED.difference, reconciled = EXCLUDED.reconciled,
          items = EXCLUDED.items, checked_at = EXCLUDED.checked_at
        """,
        Date.valueOf(check.day()), check.provider(), check.customerHeld(), check.fees(), check.providerBalance(), check.difference(),
        check.reconciled(), write(check.items()), Timestamp.from(checkedAt));
  }

  /** The most recent days first. */
  List<PublicDay> latest(int days) {
    return jdbc.query(
        "SELECT day, customer_held, reconciled, checked_at FROM funds_reconciliation ORDER BY day DESC LIMIT ?",
        (rs, i) -> new PublicDay(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getBoolean(3), rs.getTimestamp(4).toInstant()),
        days);
  }

  /** What the public may see of a day: no deal, no entry, no provider balance detail. */
  public record PublicDay(LocalDate day, long customerHeld, boolean reconciled, Instant checkedAt) {}

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
