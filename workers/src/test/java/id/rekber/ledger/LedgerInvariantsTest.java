package id.rekber.ledger;

import static id.rekber.ledger.Posting.credit;
import static id.rekber.ledger.Posting.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rekber.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's invariants, proven against PostgreSQL itself: the database refuses what the code
 * must never do, even when the code is bypassed with plain SQL.
 */
@IntegrationTest
class LedgerInvariantsTest {
  @Autowired JdbcTemplate jdbc;
  @Autowired Ledger ledger;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;

  String dealId;

  @BeforeEach
  void insertDeal() {
    dealId = "RB-L" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        """
        INSERT INTO deal (id, item_name, price, shipping_cost, fee, buyer_fee, seller_fee, fee_payer, initiator_role,
            buyer_id, seller_id, counterparty_email, status, ship_within_days, inspection_days, accept_deadline, created_at, updated_at)
        VALUES (?, 'Ledger test', 100000, 0, 5000, 5000, 0, 'BUYER', 'SELLER',
            '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 'budi@rekber.test',
            'DANA_DITAHAN', 3, 3, ?, ?, ?)
        """,
        dealId, now, now, now);
    post("payment:" + dealId, EntryKind.PAYMENT, List.of(debit(Account.PSP_CLEARING, null, 105_000), credit(Account.ESCROW_HELD, dealId, 105_000)));
  }

  @Test
  void paymentIsHeldForTheDeal() {
    assertThat(ledger.holding(Account.ESCROW_HELD, dealId)).isEqualTo(105_000);
    assertThat(jdbc.queryForObject("SELECT balance FROM ledger_balance WHERE account = 'ESCROW_HELD' AND deal_id = ?", Long.class, dealId))
        .isEqualTo(-105_000);
  }

  @Test
  void anUnbalancedEntryIsRefusedByTheDatabaseAtCommit() {
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      long entry = insertEntry("bad:" + dealId, "RELEASE");
                      jdbc.update("INSERT INTO journal_line (entry_id, account, deal_id, amount) VALUES (?, 'ESCROW_HELD', ?, 105000)", entry, dealId);
                      jdbc.update("INSERT INTO journal_line (entry_id, account, deal_id, amount) VALUES (?, 'SELLER_PAYABLE', ?, -100000)", entry, dealId);
                    }))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("not balanced");
    assertThat(ledger.holding(Account.ESCROW_HELD, dealId)).isEqualTo(105_000);
  }

  @Test
  void heldBalanceCannotGoNegative() {
    assertThatThrownBy(
            () ->
                post("over:" + dealId, EntryKind.RELEASE, List.of(debit(Account.ESCROW_HELD, dealId, 105_001), credit(Account.SELLER_PAYABLE, dealId, 105_001))))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("ck_no_negative_holding");
    assertThat(ledger.holding(Account.ESCROW_HELD, dealId)).isEqualTo(105_000);
  }

  @Test
  void aDealIsSettledAtMostOnceInTotal() {
    post("release:" + dealId, EntryKind.RELEASE, List.of(debit(Account.ESCROW_HELD, dealId, 50_000), credit(Account.SELLER_PAYABLE, dealId, 50_000)));
    // A refund with another key for the same deal: refused even though money is still held.
    assertThatThrownBy(
            () -> post("refund:" + dealId, EntryKind.REFUND, List.of(debit(Account.ESCROW_HELD, dealId, 55_000), credit(Account.BUYER_PAYABLE, dealId, 55_000))))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("ux_journal_settlement");
  }

  @Test
  void theJournalIsAppendOnly() {
    assertThatThrownBy(() -> jdbc.update("UPDATE journal_line SET amount = amount * 2 WHERE deal_id = ?", dealId))
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_entry WHERE deal_id = ?", dealId))
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(ledger.holding(Account.ESCROW_HELD, dealId)).isEqualTo(105_000);
  }

  @Test
  void theSameKeyPostsOnce() {
    List<Posting> release = List.of(debit(Account.ESCROW_HELD, dealId, 105_000), credit(Account.SELLER_PAYABLE, dealId, 100_000), credit(Account.FEE_REVENUE, null, 5_000));
    long first = post("release:" + dealId, EntryKind.RELEASE, release);
    long second = post("release:" + dealId, EntryKind.RELEASE, release);
    assertThat(second).isEqualTo(first);
    assertThat(ledger.holding(Account.ESCROW_HELD, dealId)).isZero();
    assertThat(ledger.holding(Account.SELLER_PAYABLE, dealId)).isEqualTo(100_000);
  }

  @Test
  void concurrentReleaseAndRefundMoveTheMoneyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      boolean refund = i % 2 == 0;
      String key = (refund ? "refund-" : "release-") + i + ":" + dealId;
      Callable<Boolean> attempt =
          () -> {
            start.await();
            try {
              if (refund) {
                post(key, EntryKind.REFUND, List.of(debit(Account.ESCROW_HELD, dealId, 105_000), credit(Account.BUYER_PAYABLE, dealId, 105_000)));
              } else {
                post(key, EntryKind.RELEASE, List.of(debit(Account.ESCROW_HELD, dealId, 105_000), credit(Account.SELLER_PAYABLE, dealId, 100_000), credit(Account.FEE_REVENUE, null, 5_000)));
              }
              return true;
            } catch (DataAccessException e) {
              return false;
            }
          };
      attempts.add(pool.submit(attempt));
    }
    start.countDown();
    int succeeded = 0;
    for (Future<Boolean> f : attempts) {
      succeeded += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(succeeded).isEqualTo(1);
    assertThat(ledger.holding(Account.ESCROW_HELD, dealId)).isZero();
    long paidOut = ledger.holding(Account.SELLER_PAYABLE, dealId) + ledger.holding(Account.BUYER_PAYABLE, dealId);
    assertThat(paidOut).isIn(100_000L, 105_000L);
  }

  private long post(String key, EntryKind kind, List<Posting> postings) {
    return tx.execute(s -> ledger.post(key, kind, dealId, "test", postings));
  }

  private long insertEntry(String key, String kind) {
    return jdbc.queryForObject(
        "INSERT INTO journal_entry (idempotency_key, kind, deal_id, description, created_at) VALUES (?, ?, ?, 'test', now()) RETURNING id",
        Long.class, key, kind, dealId);
  }
}
