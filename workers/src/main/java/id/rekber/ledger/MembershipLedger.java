package id.rekber.ledger;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Membership fees: money the provider collected for a premium plan, earned at once as fee revenue. */
@Component
public class MembershipLedger {
  private final Ledger ledger;

  MembershipLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Posted once per order id, in the transaction that records the verified payment. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long recordFee(String orderId, long amount, String description) {
    return ledger.post(
        "membership:" + orderId,
        EntryKind.MEMBERSHIP,
        null,
        description,
        List.of(Posting.debit(Account.PSP_CLEARING, null, amount), Posting.credit(Account.FEE_REVENUE, null, amount)));
  }

  /** Whether the fee of a membership order is on the ledger. */
  public boolean recorded(String orderId) {
    return ledger.hasEntry("membership:" + orderId);
  }
}
