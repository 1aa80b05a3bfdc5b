package id.rekber.escrow;

import id.rekber.platform.FinishedReferences;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Deal messages (the deal's own and its dispute's) are addressed by deal id; a closed deal awaits none. */
@Component
class FinishedDeals implements FinishedReferences {
  private final JdbcTemplate jdbc;

  FinishedDeals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> finishedAmong(Collection<String> references) {
    String[] finalStatuses =
        Arrays.stream(DealStatus.values()).filter(DealStatus::isFinal).map(Enum::name).toArray(String[]::new);
    return new HashSet<>(
        jdbc.query(
            "SELECT id FROM deal WHERE id = ANY(?) AND status = ANY(?)",
            ps -> {
              ps.setArray(1, ps.getConnection().createArrayOf("varchar", references.toArray()));
              ps.setArray(2, ps.getConnection().createArrayOf("varchar", finalStatuses));
            },
            (rs, i) -> rs.getString(1)));
  }
}
