package id.rekber.escrow;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A member's deals in numbers, for their public profile: nothing about any single deal. */
@Component
public class MemberTrackRecord {
  private final JdbcTemplate jdbc;

  MemberTrackRecord(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Completed deals as buyer and as seller; {@code settled} counts deals whose money was held and
   * that ended (completed or refunded) or are in dispute now; {@code disputed} those that ever were.
   */
  public record Numbers(int completedAsBuyer, int completedAsSeller, int settled, int disputed) {
    public Integer disputeRatePercent() {
      return settled == 0 ? null : Math.round(100f * disputed / settled);
    }
  }

  @Transactional(readOnly = true)
  public Numbers of(UUID member) {
    return jdbc.queryForObject(
        """
        SELECT count(*) FILTER (WHERE status = 'SELESAI' AND buyer_id = ?) AS as_buyer,
               count(*) FILTER (WHERE status = 'SELESAI' AND seller_id = ?) AS as_seller,
               count(*) FILTER (WHERE status IN ('SELESAI', 'DIKEMBALIKAN', 'SENGKETA')) AS settled,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM deal_event e WHERE e.deal_id = d.id AND e.type = 'SENGKETA')) AS disputed
          FROM deal d WHERE buyer_id = ? OR seller_id = ?
        """,
        (rs, i) -> new Numbers(rs.getInt("as_buyer"), rs.getInt("as_seller"), rs.getInt("settled"), rs.getInt("disputed")),
        member, member, member, member);
  }
}
