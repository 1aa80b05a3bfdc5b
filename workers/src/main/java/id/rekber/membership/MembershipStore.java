package id.rekber.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The membership and membership_payment tables. */
@Repository
class MembershipStore {
  private final JdbcTemplate jdbc;

  MembershipStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Membership> find(UUID userId) {
    return jdbc.query("SELECT * FROM membership WHERE user_id = ?", MembershipStore::membership, userId).stream().findFirst();
  }

  Optional<Membership> lock(UUID userId) {
    return jdbc.query("SELECT * FROM membership WHERE user_id = ? FOR UPDATE", MembershipStore::membership, userId).stream().findFirst();
  }

  void upsertPending(UUID userId, Plan plan, Instant now) {
    jdbc.update(
        """
        INSERT INTO membership (user_id, plan, status, created_at, updated_at) VALUES (?, ?, 'PENDING', ?, ?)
        ON CONFLICT (user_id) DO UPDATE SET plan = EXCLUDED.plan, status = 'PENDING', period_start = NULL, period_end = NULL,
            grace_until = NULL, cancel_at_period_end = FALSE, end_reason = NULL, updated_at = EXCLUDED.updated_at
        """,
        userId, plan.name(), ts(now), ts(now));
  }

  void activate(UUID userId, Instant start, Instant end, Instant now) {
    jdbc.update(
        "UPDATE membership SET status = 'ACTIVE', period_start = ?, period_end = ?, grace_until = NULL, cancel_at_period_end = FALSE, updated_at = ? WHERE user_id = ?",
        ts(start), ts(end), ts(now), userId);
  }

  void grace(UUID userId, Instant until, Instant now) {
    jdbc.update("UPDATE membership SET status = 'GRACE', grace_until = ?, updated_at = ? WHERE user_id = ?", ts(until), ts(now), userId);
  }

  void end(UUID userId, String reason, Instant now) {
    jdbc.update("UPDATE membership SET status = 'ENDED', end_reason = ?, updated_at = ? WHERE user_id = ?", reason, ts(now), userId);
    jdbc.update("UPDATE membership_payment SET status = 'EXPIRED' WHERE user_id = ? AND status = 'PENDING'", userId);
  }

  void cancelAtPeriodEnd(UUID userId, boolean cancel, Instant now) {
    jdbc.update("UPDATE membership SET cancel_at_period_end = ?, updated_at = ? WHERE user_id = ?", cancel, ts(now), userId);
  }

  boolean insertPayment(MembershipPayment p) {
    return jdbc.update(
            """
            INSERT INTO membership_payment (order_id, user_id, plan, kind, amount, status, expires_at, created_at, period_start, period_end)
            VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING
            """,
            p.orderId(), p.userId(), p.plan().name(), p.kind(), p.amount(), ts(p.expiresAt()), ts(p.createdAt()),
            ts(p.periodStart()), ts(p.periodEnd()))
        == 1;
  }

  Optional<MembershipPayment> payment(String orderId) {
    return jdbc.query("SELECT * FROM membership_payment WHERE order_id = ?", MembershipStore::payment, orderId).stream().findFirst();
  }

  Optional<MembershipPayment> lockPayment(String orderId) {
    return jdbc.query("SELECT * FROM membership_payment WHERE order_id = ? FOR UPDATE", MembershipStore::payment, orderId).stream().findFirst();
  }

  Optional<MembershipPayment> pendingFirst(UUID userId) {
    return jdbc.query(
            "SELECT * FROM membership_payment WHERE user_id = ? AND kind = 'FIRST' AND status = 'PENDING' ORDER BY created_at DESC LIMIT 1",
            MembershipStore::payment, userId)
        .stream().findFirst();
  }

  List<MembershipPayment> history(UUID userId) {
    return jdbc.query("SELECT * FROM membership_payment WHERE user_id = ? ORDER BY created_at DESC LIMIT 50", MembershipStore::payment, userId);
  }

  void attachCheckout(String orderId, String url) {
    jdbc.update("UPDATE membership_payment SET checkout_url = ? WHERE order_id = ?", url, orderId);
  }

  void markPaid(String orderId, Instant paidAt, Instant start, Instant end) {
    jdbc.update(
        "UPDATE membership_payment SET status = 'PAID', paid_at = ?, period_start = ?, period_end = ? WHERE order_id = ?",
        ts(paidAt), ts(start), ts(end), orderId);
  }

  void markExpired(String orderId) {
    jdbc.update("UPDATE membership_payment SET status = 'EXPIRED' WHERE order_id = ? AND status = 'PENDING'", orderId);
  }

  /** Members whose membership gives benefits now, among these users. */
  List<Membership> withBenefits(List<UUID> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "SELECT * FROM membership WHERE status IN ('ACTIVE', 'GRACE') AND user_id = ANY (?)",
        MembershipStore::membership,
        (Object) userIds.toArray(UUID[]::new));
  }

  private static Membership membership(ResultSet rs, int i) throws SQLException {
    return new Membership(
        rs.getObject("user_id", UUID.class),
        Plan.valueOf(rs.getString("plan")),
        rs.getString("status"),
        instant(rs, "period_start"),
        instant(rs, "period_end"),
        instant(rs, "grace_until"),
        rs.getBoolean("cancel_at_period_end"),
        rs.getString("end_reason"));
  }

  private static MembershipPayment payment(ResultSet rs, int i) throws SQLException {
    return new MembershipPayment(
        rs.getString("order_id"),
        rs.getObject("user_id", UUID.class),
        Plan.valueOf(rs.getString("plan")),
        rs.getString("kind"),
        rs.getLong("amount"),
        rs.getString("status"),
        rs.getString("checkout_url"),
        instant(rs, "expires_at"),
        instant(rs, "created_at"),
        instant(rs, "paid_at"),
        instant(rs, "period_start"),
        instant(rs, "period_end"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
