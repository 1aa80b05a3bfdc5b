package id.rekber.web;

import id.rekber.ledger.Account;
import id.rekber.ledger.EscrowLedger;
import id.rekber.ledger.Ledger;
import id.rekber.ledger.LedgerLine;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A deal's ledger lines in plain words, from where the money went rather than from the entry
 * kind, so partial refunds and splits read right too: a credit to the seller's payable is "passed
 * on to the seller", a debit of it is "transferred to the seller's account". The counter-lines
 * (provider clearing, the debit of the held amount) say nothing new and are left out.
 */
@Component
class MoneyTrail {
  private final Ledger ledger;
  private final EscrowLedger escrow;

  MoneyTrail(Ledger ledger, EscrowLedger escrow) {
    this.ledger = ledger;
    this.escrow = escrow;
  }

  List<Line> of(String dealId) {
    return ledger.linesOf(dealId).stream().map(MoneyTrail::line).filter(Objects::nonNull).toList();
  }

  Balances balances(String dealId) {
    return new Balances(
        escrow.holding(Account.ESCROW_HELD, dealId),
        escrow.holding(Account.SELLER_PAYABLE, dealId),
        escrow.holding(Account.BUYER_PAYABLE, dealId));
  }

  private static Line line(LedgerLine l) {
    boolean credit = l.amount() < 0;
    String code = switch (l.account()) {
      case ESCROW_HELD -> credit ? "ledger.held" : null;
      case SELLER_PAYABLE -> credit ? "ledger.to-seller" : "ledger.paid-out-seller";
      case BUYER_PAYABLE -> credit ? "ledger.to-buyer" : "ledger.paid-out-buyer";
      case FEE_REVENUE -> credit ? "ledger.fee" : "ledger.fee-returned";
      default -> null;
    };
    return code == null ? null : new Line(code, Math.abs(l.amount()), l.postedAt(), l.entryId());
  }

  record Line(String code, long amount, Instant at, long entryId) {}

  record Balances(long held, long owedToSeller, long owedToBuyer) {}
}
