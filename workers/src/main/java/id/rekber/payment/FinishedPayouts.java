package id.rekber.payment;

import id.rekber.platform.FinishedReferences;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payout messages are addressed by payout id; a completed payout awaits none. A failed one may still
 * be waiting for the admin's decision, so it counts as unfinished.
 */
@Component
class FinishedPayouts implements FinishedReferences {
  private final JdbcTemplate jdbc;

  FinishedPayouts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> finishedAmong(Collection<String> references) {
    return new HashSet<>(
        jdbc.query(
            "SELECT id FROM payout WHERE id = ANY(?) AND status = ?",
            ps -> {
              ps.setArray(1, ps.getConnection().createArrayOf("varchar", references.toArray()));
              ps.setString(2, Payout.COMPLETED);
            },
            (rs, i) -> rs.getString(1)));
  }
}
