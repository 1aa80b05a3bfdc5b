package id.rekber.kyc;

import id.rekber.platform.FinishedReferences;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** KYC messages are addressed by submission id; a decided or expired submission awaits none. */
@Component
class FinishedKycSubmissions implements FinishedReferences {
  private final JdbcTemplate jdbc;

  FinishedKycSubmissions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> finishedAmong(Collection<String> references) {
    String[] open = KycStatus.OPEN.stream().map(Enum::name).toArray(String[]::new);
    return new HashSet<>(
        jdbc.query(
            "SELECT id::text FROM kyc_submission WHERE id::text = ANY(?) AND NOT status = ANY(?)",
            ps -> {
              ps.setArray(1, ps.getConnection().createArrayOf("varchar", references.toArray()));
              ps.setArray(2, ps.getConnection().createArrayOf("varchar", open));
            },
            (rs, i) -> rs.getString(1)));
  }
}
