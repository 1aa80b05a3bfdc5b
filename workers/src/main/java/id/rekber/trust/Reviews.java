package id.rekber.trust;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealService;
import id.rekber.escrow.DealStatus;
import id.rekber.escrow.PartyRole;
import id.rekber.identity.AppUser;
import id.rekber.platform.FormInvalidException;
import id.rekber.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a completed deal each party may rate the other once: 1 to 5 and at most 280 characters of
 * text (kept as typed; pages escape it). Staff may hide an abusive review with a reason.
 */
@Service
public class Reviews {
  static final int MAX_TEXT = 280;

  private final JdbcTemplate jdbc;
  private final DealService deals;
  private final AuditTrail audit;
  private final Clock clock;

  Reviews(JdbcTemplate jdbc, DealService deals, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.deals = deals;
    this.audit = audit;
    this.clock = clock;
  }

  public record Review(long id, String dealId, UUID reviewerId, UUID revieweeId, String reviewerRole, int rating, String text, Instant createdAt,
      boolean hidden) {}

  /** A non-party gets "not found" (decision 22), a party before completion or a second time a conflict. */
  @Transactional
  public Review rate(AppUser reviewer, String dealId, Integer rating, String text) {
    Deal deal = deals.get(reviewer, dealId);
    PartyRole role = deal.roleOf(reviewer.getId()).orElseThrow(() -> Refusal.notFoundConcealing("invitee", "deal.not-found", dealId));
    if (rating == null || rating < 1 || rating > 5) {
      throw new FormInvalidException(Map.of("rating", "review.rating.range"));
    }
    String body = text == null || text.isBlank() ? null : text.strip();
    if (body != null && body.length() > MAX_TEXT) {
      throw new FormInvalidException(Map.of("text", "review.text.too-long"));
    }
    if (deal.getStatus() != DealStatus.SELESAI) {
      throw Refusal.conflict("review.deal-not-completed");
    }
    UUID reviewee = deal.partyId(role.other());
    List<Long> ids = jdbc.queryForList(
        "INSERT INTO deal_review (deal_id, reviewer_id, reviewee_id, reviewer_role, rating, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (deal_id, reviewer_id) DO NOTHING RETURNING id",
        Long.class, dealId, reviewer.getId(), reviewee, role.name(), rating, body, Timestamp.from(clock.instant()));
    if (ids.isEmpty()) {
      throw Refusal.conflict("review.already-rated");
    }
    audit.record(new AuditEvent(null, reviewer.getEmail(), "REVIEW_ADDED", "deal", dealId, "ALLOWED", null, null, "rating " + rating));
    return get(ids.get(0)).orElseThrow();
  }

  @Transactional
  public Review hide(String staffEmail, long id, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.length() < 10 || why.length() > 300) {
      throw new FormInvalidException(Map.of("reason", "review.hide.reason"));
    }
    int changed = jdbc.update("UPDATE deal_review SET hidden_by = ?, hidden_reason = ?, hidden_at = ? WHERE id = ? AND hidden_at IS NULL",
        staffEmail, why, Timestamp.from(clock.instant()), id);
    Review review = get(id).orElseThrow(() -> Refusal.notFound("review.not-found", id));
    if (changed == 0) {
      throw Refusal.conflict("review.already-hidden");
    }
    audit.record(new AuditEvent(null, staffEmail, "REVIEW_HIDDEN", "deal-review", String.valueOf(id), "ALLOWED", null, null, why));
    return review;
  }

  /** Whether this party may still rate the deal (completed, not rated yet). */
  @Transactional(readOnly = true)
  public boolean mayRate(AppUser user, Deal deal) {
    return deal.getStatus() == DealStatus.SELESAI && deal.roleOf(user.getId()).isPresent()
        && !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM deal_review WHERE deal_id = ? AND reviewer_id = ?)",
            Boolean.class, deal.getId(), user.getId()));
  }

  @Transactional(readOnly = true)
  public Optional<Review> get(long id) {
    return jdbc.query("SELECT * FROM deal_review WHERE id = ?", Reviews::row, id).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public List<Review> recentAbout(UUID member, int limit) {
    return jdbc.query("SELECT * FROM deal_review WHERE reviewee_id = ? AND hidden_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?",
        Reviews::row, member, limit);
  }

  /** Average (one decimal) and count of the visible ratings. */
  public record Rating(Double average, int count) {}

  @Transactional(readOnly = true)
  public Rating ratingOf(UUID member) {
    return jdbc.queryForObject("SELECT round(avg(rating)::numeric, 1) AS avg, count(*) AS n FROM deal_review WHERE reviewee_id = ? AND hidden_at IS NULL",
        (rs, i) -> new Rating(rs.getObject("avg") == null ? null : rs.getBigDecimal("avg").doubleValue(), rs.getInt("n")), member);
  }

  private static Review row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Review(rs.getLong("id"), rs.getString("deal_id"), rs.getObject("reviewer_id", UUID.class), rs.getObject("reviewee_id", UUID.class),
        rs.getString("reviewer_role"), rs.getInt("rating"), rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("hidden_at") != null);
  }
}
