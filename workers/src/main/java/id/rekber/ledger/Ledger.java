package id.rekber.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts balanced journal entries, exactly once per idempotency key. The database checks the
 * invariants again (balanced entries, no negative holdings, one settlement per deal), so a bug here
 * fails loudly instead of moving money.
 */
@Component
public class Ledger {
  private final JdbcTemplate jdbc;
  private final Clock clock;

  Ledger(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Posts the entry unless one with the same key exists; returns the entry id either way. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long post(String idempotencyKey, EntryKind kind, String dealId, String description, List<Posting> postings) {
    long sum = postings.stream().mapToLong(Posting::amount).sum();
    if (sum != 0 || postings.size() < 2) {
      throw new IllegalArgumentException("unbalanced entry " + idempotencyKey + ": " + postings);
    }
    Optional<Long> inserted =
        jdbc.query(
                """
                INSERT INTO journal_entry (idempotency_key, kind, deal_id, description, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id
                """,
                (rs, i) -> rs.getLong(1),
                idempotencyKey, kind.name(), dealId, description, Timestamp.from(clock.instant()))
            .stream()
            .findFirst();
    if (inserted.isEmpty()) {
      return jdbc.queryForObject("SELECT id FROM journal_entry WHERE idempotency_key = ?", Long.class, idempotencyKey);
    }
    long entryId = inserted.get();
    for (Posting p : postings) {
      jdbc.update(
          "INSERT INTO journal_line (entry_id, account, deal_id, amount) VALUES (?, ?, ?, ?)",
          entryId, p.account().name(), p.dealId(), p.amount());
    }
    return entryId;
  }

  public boolean hasEntry(String idempotencyKey) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM journal_entry WHERE idempotency_key = ?)", Boolean.class, idempotencyKey));
  }

  /** The amount an account holds for a deal, in its normal direction (positive = holding). */
  /** Has the deal a journal entry of this kind (e.g. its payment, release, split or refund)? */
  public boolean hasEntry(String dealId, EntryKind kind) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM journal_entry WHERE deal_id = ? AND kind = ?)", Boolean.class, dealId, kind.name()));
  }

  public long holding(Account account, String dealId) {
    Long balance =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(amount), 0) FROM journal_line WHERE account = ? AND deal_id = ?",
            Long.class, account.name(), dealId);
    return -balance;
  }

  public List<LedgerLine> linesOf(String dealId) {
    return jdbc.query(
        """
        SELECT e.id, e.kind, e.description, e.created_at, l.account, l.amount
        FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
        WHERE e.deal_id = ? ORDER BY e.id, l.id
        """,
        (rs, i) ->
            new LedgerLine(
                rs.getLong(1),
                EntryKind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                Account.valueOf(rs.getString(5)),
                rs.getLong(6)),
        dealId);
  }

  /**
   * What the accounts hold over all deals from entries posted before {@code cutoff}, in each
   * account's normal direction (positive = holding): the reconciliation's side of the books.
   */
  public java.util.Map<Account, Long> totalsBefore(java.time.Instant cutoff) {
    java.util.Map<Account, Long> totals = new java.util.EnumMap<>(Account.class);
    for (Account account : Account.values()) {
      totals.put(account, 0L);
    }
    jdbc.query(
        """
        SELECT l.account, SUM(l.amount) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
        WHERE e.created_at < ? GROUP BY l.account
        """,
        rs -> {
          Account account = Account.valueOf(rs.getString(1));
          long sum = rs.getLong(2);
          boolean debitNormal = account == Account.PSP_CLEARING || account == Account.PAYOUT_CLEARING;
          totals.put(account, debitNormal ? sum : -sum);
        },
        Timestamp.from(cutoff));
    return totals;
  }

  /**
   * The entries that moved money at the provider (PAYMENT, MILESTONE_PAYMENT, PAYOUT, MEMBERSHIP) posted in {@code [from, to)},
   * each with the amount it moved through the provider's account.
   */
  public List<ProviderMovement> providerMovements(java.time.Instant from, java.time.Instant to) {
    return jdbc.query(
        """
        SELECT e.id, e.idempotency_key, e.kind, e.deal_id, e.created_at, ABS(l.amount)
        FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
        WHERE e.kind IN ('PAYMENT', 'MILESTONE_PAYMENT', 'PAYOUT', 'MEMBERSHIP') AND l.account IN ('PSP_CLEARING', 'PAYOUT_CLEARING')
          AND e.created_at >= ? AND e.created_at < ?
        ORDER BY e.id
        """,
        (rs, i) -> new ProviderMovement(rs.getLong(1), rs.getString(2), EntryKind.valueOf(rs.getString(3)), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getLong(6)),
        Timestamp.from(from), Timestamp.from(to));
  }

  /** A PAYMENT, MILESTONE_PAYMENT, PAYOUT or MEMBERSHIP entry and what it moved (whole rupiah, positive). */
  public record ProviderMovement(long entryId, String idempotencyKey, EntryKind kind, String dealId, java.time.Instant postedAt,
      long amount) {}
}
