package id.rekber.studio;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Analysts' drafts in PostgreSQL (table {@code studio_draft}). */
@Component
class Drafts {
  private static final RowMapper<Draft> ROW = (rs, i) -> new Draft(rs.getLong("id"), rs.getString("resource_name"),
      rs.getString("content"), (Long) rs.getObject("base_definition_key"), rs.getString("author"), instant(rs.getTimestamp("created_at")),
      instant(rs.getTimestamp("updated_at")), rs.getString("comment"), rs.getString("status"), rs.getString("submit_reason"),
      instant(rs.getTimestamp("submitted_at")), (Long) rs.getObject("approval_instance"), rs.getString("reviewer"),
      instant(rs.getTimestamp("reviewed_at")), rs.getString("review_reason"), (Boolean) rs.getObject("approved"),
      (Long) rs.getObject("deployed_key"));

  private final JdbcTemplate jdbc;

  Drafts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long create(String resourceName, String content, Long baseKey, String author, String comment, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("""
          INSERT INTO studio_draft (resource_name, content, base_definition_key, author, created_at, updated_at, comment, status)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT')
          """, new String[] {"id"});
      ps.setString(1, resourceName);
      ps.setString(2, content);
      ps.setObject(3, baseKey);
      ps.setString(4, author);
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setTimestamp(6, Timestamp.from(now));
      ps.setString(7, comment);
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  Optional<Draft> find(long id) {
    return jdbc.query("SELECT * FROM studio_draft WHERE id = ?", ROW, id).stream().findFirst();
  }

  List<Draft> open() {
    return jdbc.query("SELECT * FROM studio_draft WHERE status IN ('DRAFT', 'SUBMITTED') ORDER BY updated_at DESC", ROW);
  }

  List<Draft> recent(int limit) {
    return jdbc.query("SELECT * FROM studio_draft ORDER BY updated_at DESC LIMIT ?", ROW, limit);
  }

  /** Only a draft still in DRAFT changes; answers whether it did. */
  boolean update(long id, String content, String comment, Instant now) {
    return jdbc.update("UPDATE studio_draft SET content = ?, comment = ?, updated_at = ? WHERE id = ? AND status = 'DRAFT'",
        content, comment, Timestamp.from(now), id) == 1;
  }

  boolean discard(long id, Instant now) {
    return jdbc.update("UPDATE studio_draft SET status = 'DISCARDED', updated_at = ? WHERE id = ? AND status = 'DRAFT'",
        Timestamp.from(now), id) == 1;
  }

  boolean submit(long id, String reason, Instant now) {
    return jdbc.update("""
        UPDATE studio_draft SET status = 'SUBMITTED', submit_reason = ?, submitted_at = ?, updated_at = ? WHERE id = ? AND status = 'DRAFT'
        """, reason, Timestamp.from(now), Timestamp.from(now), id) == 1;
  }

  void approvalStarted(long id, long instance) {
    jdbc.update("UPDATE studio_draft SET approval_instance = ? WHERE id = ?", instance, id);
  }

  /** Records the reviewer's decision once; the table refuses a reviewer who is the author. */
  boolean review(long id, String reviewer, boolean approved, String reason, Instant now) {
    return jdbc.update("""
        UPDATE studio_draft SET reviewer = ?, approved = ?, review_reason = ?, reviewed_at = ?, updated_at = ?
        WHERE id = ? AND status = 'SUBMITTED' AND reviewer IS NULL AND author <> ?
        """, reviewer, approved, reason, Timestamp.from(now), Timestamp.from(now), id, reviewer) == 1;
  }

  void deployed(long id, long key, Instant now) {
    jdbc.update("UPDATE studio_draft SET status = 'APPROVED', deployed_key = ?, updated_at = ? WHERE id = ? AND status = 'SUBMITTED'",
        key, Timestamp.from(now), id);
  }

  void rejected(long id, Instant now) {
    jdbc.update("UPDATE studio_draft SET status = 'REJECTED', updated_at = ? WHERE id = ? AND status = 'SUBMITTED'", Timestamp.from(now), id);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
