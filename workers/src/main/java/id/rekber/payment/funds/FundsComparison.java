package id.rekber.payment.funds;

import id.rekber.ledger.Account;
import id.rekber.ledger.EntryKind;
import id.rekber.ledger.Ledger.ProviderMovement;
import id.rekber.payment.ProviderReports.Kind;
import id.rekber.payment.ProviderReports.ProviderTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The day's books side by side. The provider's escrow account must hold what Rekber owes its
 * customers (held, payable to sellers, payable to buyers) plus the fees it earned and never took
 * out; every payment and payout the ledger posted that day must be on the provider's statement
 * with the same amount, and the other way round.
 */
final class FundsComparison {
  private FundsComparison() {}

  /** @param paymentIds the provider reference (payment order id) of each deal's PAYMENT entry */
  static FundsCheck compare(LocalDate day, String provider, Map<Account, Long> totals, List<ProviderMovement> ledger,
      Map<String, String> paymentIds, List<ProviderTransaction> statement, Optional<Long> closingBalance) {
    long customerHeld = totals.get(Account.ESCROW_HELD) + totals.get(Account.SELLER_PAYABLE) + totals.get(Account.BUYER_PAYABLE);
    long fees = totals.get(Account.FEE_REVENUE);
    Map<String, ProviderTransaction> reported = new LinkedHashMap<>();
    for (ProviderTransaction t : statement) {
      if ((t.kind() == Kind.PAYMENT || t.kind() == Kind.PAYOUT) && t.reference() != null) {
        reported.put(t.reference(), t);
      }
    }
    List<FundsCheck.Discrepancy> items = new ArrayList<>();
    for (ProviderMovement m : ledger) {
      String reference = m.kind() == EntryKind.PAYMENT || m.kind() == EntryKind.MILESTONE_PAYMENT
          ? paymentIds.getOrDefault(m.idempotencyKey(), m.idempotencyKey())
          : m.idempotencyKey().substring(m.idempotencyKey().indexOf(':') + 1);
      ProviderTransaction t = reported.remove(reference);
      if (t == null) {
        items.add(new FundsCheck.Discrepancy(m.dealId(), m.entryId(), m.kind().name(), reference, m.amount(), null,
            FundsCheck.Discrepancy.NOT_AT_PROVIDER));
      } else if (t.amount() != m.amount()) {
        items.add(new FundsCheck.Discrepancy(m.dealId(), m.entryId(), m.kind().name(), reference, m.amount(), t.amount(),
            FundsCheck.Discrepancy.AMOUNT_DIFFERS));
      }
    }
    reported.values().forEach(t -> items.add(new FundsCheck.Discrepancy(null, null, t.kind().name(), t.reference(), null, t.amount(),
        FundsCheck.Discrepancy.NOT_IN_LEDGER)));
    Long balance = closingBalance.orElse(null);
    long expected = customerHeld + fees;
    Long difference = balance == null ? null : balance - expected;
    boolean reconciled = difference != null && difference == 0 && items.isEmpty();
    return new FundsCheck(day, provider, customerHeld, fees, balance, difference, reconciled, List.copyOf(items));
  }
}
