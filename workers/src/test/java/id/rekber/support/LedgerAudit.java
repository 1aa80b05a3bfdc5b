package id.rekber.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's invariants, read straight from PostgreSQL: every journal entry balances, all
 * accounts together sum to zero, no deal's holding is negative, and no deal is paid in, settled or
 * paid out more often than it may be.
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
