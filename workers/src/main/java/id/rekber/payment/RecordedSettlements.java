package id.rekber.payment;

import id.rekber.escrow.SettlementFacts;
import id.rekber.ledger.EntryKind;
import id.rekber.ledger.Ledger;
import org.springframework.stereotype.Component;

/** Answers escrow's recovery questions from the ledger and the payout records. */
@Component
class RecordedSettlements implements SettlementFacts {
  private final Ledger ledger;
  private final PayoutRepository payouts;

  RecordedSettlements(Ledger ledger, PayoutRepository payouts) {
    this.ledger = ledger;
    this.payouts = payouts;
  }

  @Override
  public boolean hasEntry(String dealId, String entryKind) {
    return ledger.hasEntry(dealId, EntryKind.valueOf(entryKind));
  }

  @Override
  public boolean payoutCompleted(String dealId, String purpose) {
    return payouts.existsByDealIdAndPurposeAndStatus(dealId, PayoutPurpose.valueOf(purpose).name(), Payout.COMPLETED);
  }
}
