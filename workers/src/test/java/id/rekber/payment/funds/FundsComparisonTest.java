package id.rekber.payment.funds;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.ledger.Account;
import id.rekber.ledger.EntryKind;
import id.rekber.ledger.Ledger.ProviderMovement;
import id.rekber.payment.ProviderReports.Kind;
import id.rekber.payment.ProviderReports.ProviderTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The day's books side by side (docs/ledger.md, "Daily proof of funds"). */
class FundsComparisonTest {
  static final LocalDate DAY = LocalDate.of(2026, 12, 2);
  static final Instant AT = Instant.parse("2026-12-02T03:00:00Z");

  // Deal A paid 276.750 and was released (fee 6.750) and paid out 270.000; deal B paid 100.000, still held.
  final Map<Account, Long> totals = totals(100_000, 0, 0, 6_750);
  final List<ProviderMovement> ledger = List.of(
      new ProviderMovement(1, "payment:RB-A", EntryKind.PAYMENT, "RB-A", AT, 276_750),
      new ProviderMovement(4, "payout:PO-RB-A-RELEASE-1", EntryKind.PAYOUT, "RB-A", AT, 270_000),
      new ProviderMovement(5, "payment:RB-B", EntryKind.PAYMENT, "RB-B", AT, 100_000));
  final Map<String, String> paymentIds = Map.of("payment:RB-A", "PAY-A", "payment:RB-B", "PAY-B");

  @Test
  void booksThatAgreeAreReconciled() {
    FundsCheck check = FundsComparison.compare(DAY, "sandbox", totals, ledger, paymentIds,
        List.of(line(Kind.PAYMENT, "PAY-A", 276_750), line(Kind.PAYOUT, "PO-RB-A-RELEASE-1", 270_000), line(Kind.PAYMENT, "PAY-B", 100_000)),
        Optional.of(106_750L));

    assertThat(check.reconciled()).isTrue();
    assertThat(check.customerHeld()).isEqualTo(100_000);
    assertThat(check.fees()).isEqualTo(6_750);
    assertThat(check.difference()).isZero();
    assertThat(check.items()).isEmpty();
  }

  @Test
  void aMembershipFeeMatchesItsOrderOnTheStatement() {
    // A premium membership is paid at the provider like a deal, without a deal (decision 40).
    List<ProviderMovement> withMembership = new java.util.ArrayList<>(ledger);
    withMembership.add(new ProviderMovement(6, "membership:MEM-1", EntryKind.MEMBERSHIP, null, AT, 49_000));
    FundsCheck check = FundsComparison.compare(DAY, "sandbox", totals(100_000, 0, 0, 55_750), withMembership, paymentIds,
        List.of(line(Kind.PAYMENT, "PAY-A", 276_750), line(Kind.PAYOUT, "PO-RB-A-RELEASE-1", 270_000), line(Kind.PAYMENT, "PAY-B", 100_000),
            line(Kind.PAYMENT, "MEM-1", 49_000)),
        Optional.of(155_750L));

    assertThat(check.items()).isEmpty();
    assertThat(check.reconciled()).isTrue();
  }

  @Test
  void aMilestonesOwnPaymentMatchesItsOrderOnTheStatement() {
    // Deal B funded milestone by milestone (decision 46): milestone 2's own invoice is PAY-B-M2.
    List<ProviderMovement> withMilestone = new java.util.ArrayList<>(ledger);
    withMilestone.add(new ProviderMovement(7, "payment:RB-B#2", EntryKind.MILESTONE_PAYMENT, "RB-B", AT, 50_000));
    Map<String, String> ids = new java.util.HashMap<>(paymentIds);
    ids.put("payment:RB-B#2", "PAY-B-M2");
    FundsCheck check = FundsComparison.compare(DAY, "sandbox", totals(150_000, 0, 0, 6_750), withMilestone, ids,
        List.of(line(Kind.PAYMENT, "PAY-A", 276_750), line(Kind.PAYOUT, "PO-RB-A-RELEASE-1", 270_000), line(Kind.PAYMENT, "PAY-B", 100_000),
            line(Kind.PAYMENT, "PAY-B-M2", 50_000)),
        Optional.of(156_750L));

    assertThat(check.items()).isEmpty();
    assertThat(check.reconciled()).isTrue();
  }

  @Test
  void aPayoutMissingFromTheStatementNamesItsDealAndEntry() {
    FundsCheck check = FundsComparison.compare(DAY, "sandbox", totals, ledger, paymentIds,
        List.of(line(Kind.PAYMENT, "PAY-A", 276_750), line(Kind.PAYMENT, "PAY-B", 100_000)),
        Optional.of(376_750L));

    assertThat(check.reconciled()).isFalse();
    assertThat(check.difference()).isEqualTo(270_000);
    assertThat(check.items()).singleElement().satisfies(d -> {
      assertThat(d.dealId()).isEqualTo("RB-A");
      assertThat(d.entryId()).isEqualTo(4);
      assertThat(d.line()).isEqualTo("RB-A entry 4 PAYOUT PO-RB-A-RELEASE-1: ledger 270000, provider —, NOT_AT_PROVIDER");
    });
  }

  @Test
  void aStatementLineTheLedgerLacksAndADifferentAmountAreListed() {
    FundsCheck check = FundsComparison.compare(DAY, "sandbox", totals, ledger, paymentIds,
        List.of(line(Kind.PAYMENT, "PAY-A", 276_750), line(Kind.PAYOUT, "PO-RB-A-RELEASE-1", 270_000), line(Kind.PAYMENT, "PAY-B", 90_000),
            line(Kind.PAYMENT, "PAY-X", 50_000)),
        Optional.of(146_750L));

    assertThat(check.reconciled()).isFalse();
    assertThat(check.items()).extracting(FundsCheck.Discrepancy::problem).containsExactly("AMOUNT_DIFFERS", "NOT_IN_LEDGER");
  }

  @Test
  void matchingLinesButAnotherBalanceIsNotReconciled() {
    FundsCheck check = FundsComparison.compare(DAY, "sandbox", totals, List.of(), paymentIds, List.of(), Optional.of(106_749L));
    assertThat(check.reconciled()).isFalse();
    assertThat(check.difference()).isEqualTo(-1);
  }

  @Test
  void noBalanceFromTheProviderIsNotReconciled() {
    FundsCheck check = FundsComparison.compare(DAY, "midtrans", totals, List.of(), paymentIds, List.of(), Optional.empty());
    assertThat(check.reconciled()).isFalse();
    assertThat(check.difference()).isNull();
  }

  private static ProviderTransaction line(Kind kind, String reference, long amount) {
    return new ProviderTransaction(kind, reference, "SBX-" + reference, amount, 0, "ok", AT);
  }

  private static Map<Account, Long> totals(long held, long sellerPayable, long buyerPayable, long fees) {
    Map<Account, Long> t = new EnumMap<>(Account.class);
    for (Account a : Account.values()) {
      t.put(a, 0L);
    }
    t.put(Account.ESCROW_HELD, held);
    t.put(Account.SELLER_PAYABLE, sellerPayable);
    t.put(Account.BUYER_PAYABLE, buyerPayable);
    t.put(Account.FEE_REVENUE, fees);
    return t;
  }
}
