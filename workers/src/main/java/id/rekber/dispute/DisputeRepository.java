package id.rekber.dispute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class DisputeRepository {
  private static final String COLUMNS =
      "deal_id, reason, opened_by, opened_at, stage, stage_deadline, stage_answered, seller_response, offer_amount,"
          + " offer_answer, return_courier, return_tracking, outcome, buyer_amount, seller_amount, resolved_at, milestone_seq";

  private final JdbcTemplate jdbc;

  DisputeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Dispute> find(String dealId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dispute WHERE deal_id = ?", DisputeRepository::map, dealId).stream().findFirst();
  }

  Optional<Dispute> findForUpdate(String dealId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dispute WHERE deal_id = ? FOR UPDATE", DisputeRepository::map, dealId).stream().findFirst();
  }

  void open(String dealId, String reason, String openedBy, Instant at) {
    jdbc.update(
        "INSERT INTO dispute (deal_id, reason, opened_by, opened_at, stage) VALUES (?, ?, ?, ?, ?)",
        dealId, reason, openedBy, Timestamp.from(at), DisputeStage.OPENED.name());
  }

  /**
   * A later milestone's dispute on a service deal whose earlier dispute was resolved: the row starts
   * over for that milestone (the timeline keeps what came before). Returns false if the row is not
   * resolved (a dispute is still open).
   */
  boolean reopenForMilestone(String dealId, int seq, String reason, String openedBy, Instant at) {
    return jdbc.update(
            """
            UPDATE dispute SET reason = ?, opened_by = ?, opened_at = ?, stage = ?, stage_deadline = NULL,
                stage_answered = FALSE, seller_response = NULL, offer_amount = NULL, offer_answer = NULL,
                return_courier = NULL, return_tracking = NULL, outcome = NULL, buyer_amount = NULL,
                seller_amount = NULL, resolved_at = NULL, milestone_seq = ?
            WHERE deal_id = ? AND outcome IS NOT NULL
            """,
            reason, openedBy, Timestamp.from(at), DisputeStage.OPENED.name(), seq, dealId)
        == 1;
  }

  void openForMilestone(String dealId, int seq, String reason, String openedBy, Instant at) {
    jdbc.update(
        "INSERT INTO dispute (deal_id, reason, opened_by, opened_at, stage, milestone_seq) VALUES (?, ?, ?, ?, ?, ?)",
        dealId, reason, openedBy, Timestamp.from(at), DisputeStage.OPENED.name(), seq);
  }

  void enterStage(String dealId, DisputeStage stage, Instant deadline) {
    jdbc.update(
        "UPDATE dispute SET stage = ?, stage_deadline = ?, stage_answered = FALSE WHERE deal_id = ?",
        stage.name(), deadline == null ? null : Timestamp.from(deadline), dealId);
  }

  void sellerResponded(String dealId, String response, Long offerAmount) {
    jdbc.update(
        "UPDATE dispute SET stage_answered = TRUE, seller_response = ?, offer_amount = ? WHERE deal_id = ?",
        response, offerAmount, dealId);
  }

  void offerAnswered(String dealId, String answer) {
    jdbc.update("UPDATE dispute SET stage_answered = TRUE, offer_answer = ? WHERE deal_id = ?", answer, dealId);
  }

  void returnShipped(String dealId, String courier, String tracking) {
    jdbc.update(
        "UPDATE dispute SET stage_answered = TRUE, return_courier = ?, return_tracking = ? WHERE deal_id = ?",
        courier, tracking, dealId);
  }

  void returnReceived(String dealId) {
    jdbc.update("UPDATE dispute SET stage_answered = TRUE WHERE deal_id = ?", dealId);
  }

  /** Records the outcome once; returns false if it was already recorded (a redelivered job). */
  boolean resolve(String dealId, String outcome, Long buyerAmount, Long sellerAmount, Instant at) {
    return jdbc.update(
            """
            UPDATE dispute SET outcome = ?, buyer_amount = ?, seller_amount = ?, resolved_at = ?, stage = ?,
                stage_deadline = NULL, stage_answered = FALSE
            WHERE deal_id = ? AND outcome IS NULL
            """,
            outcome, buyerAmount, sellerAmount, Timestamp.from(at), DisputeStage.RESOLVED.name(), dealId)
        == 1;
  }

  private static Dispute map(ResultSet rs, int i) throws SQLException {
    return new Dispute(
        rs.getString("deal_id"),
        rs.getString("reason"),
        rs.getString("opened_by"),
        rs.getTimestamp("opened_at").toInstant(),
        DisputeStage.valueOf(rs.getString("stage")),
        instant(rs.getTimestamp("stage_deadline")),
        rs.getBoolean("stage_answered"),
        rs.getString("seller_response"),
        (Long) rs.getObject("offer_amount"),
        rs.getString("offer_answer"),
        rs.getString("return_courier"),
        rs.getString("return_tracking"),
        rs.getString("outcome"),
        (Long) rs.getObject("buyer_amount"),
        (Long) rs.getObject("seller_amount"),
        instant(rs.getTimestamp("resolved_at")),
        rs.getObject("milestone_seq") == null ? null : rs.getInt("milestone_seq"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
