package id.rekber.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's invariants, read straight from PostgreSQL: every journal entry balances, all
 * accounts together sum to zero, no deal's holding is negative, no deal is paid in, settled or
 * paid out more often than it may be, and each milestone's own payment matches its paid invoice.
 */
public final class LedgerAudit {
  private LedgerAudit() {}

  public static void assertSound(JdbcTemplate jdbc) {
    assertThat(jdbc.queryForList(
            "SELECT entry_id FROM journal_line GROUP BY entry_id HAVING SUM(amount) <> 0", Long.class))
        .as("journal entries that do not balance").isEmpty();
    assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM journal_line", Long.class))
        .as("all accounts together").isZero();
    // Liabilities are credit balances (negative numbers here); a positive one would be money we do not hold.
    assertThat(jdbc.queryForList(
            "SELECT deal_id || ' ' || account FROM journal_line WHERE deal_id IS NOT NULL AND account IN"
                + " (SELECT code FROM ledger_account_type WHERE normal_side = 'CREDIT')"
                + " GROUP BY deal_id, account HAVING SUM(amount) > 0", String.class))
        .as("negative holdings").isEmpty();
    assertThat(jdbc.queryForList(
            "SELECT deal_id FROM journal_entry WHERE kind = 'PAYMENT' GROUP BY deal_id HAVING count(*) > 1", String.class))
        .as("deals paid in twice").isEmpty();
    // A milestone's own payment (decision 46) is in escrow exactly as its paid invoice says.
    assertThat(jdbc.queryForList(
            "SELECT e.idempotency_key FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id AND l.account = 'ESCROW_HELD'"
                + " WHERE e.kind = 'MILESTONE_PAYMENT' AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.deal_id = e.deal_id"
                + " AND p.status = 'PAID' AND e.idempotency_key = 'payment:' || p.deal_id || '#' || p.milestone_seq"
                + " AND p.gross_amount = -l.amount)", String.class))
        .as("milestone payments without a paid invoice of that amount").isEmpty();
    assertThat(jdbc.queryForList(
            "SELECT deal_id FROM journal_entry WHERE kind IN ('RELEASE', 'REFUND') GROUP BY deal_id HAVING count(*) > 1", String.class))
        .as("deals settled twice").isEmpty();
    assertThat(jdbc.queryForList(
            "SELECT deal_id || ' ' || purpose || ' ' || COALESCE(milestone_seq, 0) FROM payout WHERE status = 'COMPLETED'"
                + " GROUP BY deal_id, purpose, COALESCE(milestone_seq, 0) HAVING count(*) > 1", String.class))
        .as("payouts completed twice for one purpose (of a deal, or of one milestone)").isEmpty();
  }

  public static int entries(JdbcTemplate jdbc, String dealId, String kind) {
    return jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE deal_id = ? AND kind = ?", Integer.class, dealId, kind);
  }
}
