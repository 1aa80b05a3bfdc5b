package id.rekber.dispute;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every claim, answer, message, file and decision of a dispute, in order. */
@Repository
public class DisputeTimeline {
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DisputeTimeline(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  long add(String dealId, String kind, String author, String authorRole, String text) {
    return jdbc.queryForObject(
        "INSERT INTO dispute_entry (deal_id, kind, author, author_role, text, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        Long.class, dealId, kind, author, authorRole, text, Timestamp.from(clock.instant()));
  }

  long addEvidence(String dealId, String author, String authorRole, String fileName, String contentType, byte[] content) {
    long id = add(dealId, "EVIDENCE", author, authorRole, fileName);
    jdbc.update(
        "INSERT INTO dispute_evidence (entry_id, file_name, content_type, size_bytes, content) VALUES (?, ?, ?, ?, ?)",
        id, fileName, contentType, content.length, content);
    return id;
  }

  public List<Entry> of(String dealId) {
    return jdbc.query(
        """
        SELECT e.id, e.kind, e.author, e.author_role, e.text, e.created_at, v.content_type, v.size_bytes
        FROM dispute_entry e LEFT JOIN dispute_evidence v ON v.entry_id = e.id
        WHERE e.deal_id = ? ORDER BY e.id
        """,
        (rs, i) ->
            new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), (Integer) rs.getObject(8)),
        dealId);
  }

  Optional<Evidence> evidence(String dealId, long entryId) {
    return jdbc.query(
            """
            SELECT v.file_name, v.content_type, v.content FROM dispute_evidence v JOIN dispute_entry e ON e.id = v.entry_id
            WHERE e.deal_id = ? AND v.entry_id = ?
            """,
            (rs, i) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3)),
            dealId, entryId)
        .stream()
        .findFirst();
  }

  /** One line of the timeline; {@code contentType} and {@code sizeBytes} are set for evidence files. */
  public record Entry(long id, String kind, String author, String authorRole, String text, java.time.Instant at,
      String contentType, Integer sizeBytes) {
    public boolean isEvidence() {
      return contentType != null;
    }
  }

  record Evidence(String fileName, String contentType, byte[] content) {}
}
