package id.rekber.ledger;

import static id.rekber.ledger.Posting.credit;
import static id.rekber.ledger.Posting.debit;

import id.rekber.escrow.Deal;
import id.rekber.escrow.Milestone;
import id.rekber.escrow.MilestoneShares;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The money movements of a deal, each a balanced entry with a key that makes it happen once. */
@Service
public class EscrowLedger {
  private final Ledger ledger;

  EscrowLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  /** The buyer's payment, confirmed by the provider, goes into escrow for the deal. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordPayment(String dealId, long amount) {
    ledger.post(
        "payment:" + dealId,
        EntryKind.PAYMENT,
        dealId,
        "Buyer payment held in escrow",
        List.of(debit(Account.PSP_CLEARING, null, amount), credit(Account.ESCROW_HELD, dealId, amount)));
  }

  /** A later milestone's own payment (decision 46); one entry per milestone. */
  public void recordMilestonePayment(String dealId, int seq, long amount) {
    ledger.post(
        "payment:" + dealId + "#" + seq,
        EntryKind.MILESTONE_PAYMENT,
        dealId,
        "Milestone " + seq + " payment held in escrow",
        List.of(debit(Account.PSP_CLEARING, null, amount), credit(Account.ESCROW_HELD, dealId, amount)));
  }

  /** Everything held goes to the seller (less their fee share) and Rekber (the fee). */
  @Transactional
  public void release(Deal deal) {
    long held = ledger.holding(Account.ESCROW_HELD, deal.getId());
    if (ledger.hasEntry("release:" + deal.getId())) {
      return;
    }
    if (held != deal.grossAmount()) {
      throw new IllegalStateException("deal " + deal.getId() + " holds " + held + ", expected " + deal.grossAmount());
    }
    ledger.post(
        "release:" + deal.getId(),
        EntryKind.RELEASE,
        deal.getId(),
        "Released to seller",
        List.of(
            debit(Account.ESCROW_HELD, deal.getId(), held),
            credit(Account.SELLER_PAYABLE, deal.getId(), deal.sellerProceeds()),
            credit(Account.FEE_REVENUE, null, deal.getFee())));
  }

  /** A service deal's milestone: its share of what is held goes to the seller and Rekber (decision 43). */
  @Transactional
  public void releaseMilestone(Deal deal, List<Milestone> milestones, int seq) {
    String key = "release:" + deal.getId() + "#" + seq;
    if (milestoneSettled(deal, seq)) {
      return;
    }
    MilestoneShares shares = MilestoneShares.of(deal, milestones, seq);
    java.util.ArrayList<Posting> lines = new java.util.ArrayList<>(List.of(
        debit(Account.ESCROW_HELD, deal.getId(), shares.held()),
        credit(Account.SELLER_PAYABLE, deal.getId(), shares.toSeller())));
    if (shares.fee() != 0) {
      lines.add(credit(Account.FEE_REVENUE, null, shares.fee()));
    }
    ledger.post(key, EntryKind.MILESTONE_RELEASE, deal.getId(), "Milestone " + seq + " released to seller", lines);
  }

  /** A service deal's milestone refunded after its dispute: its share goes back to the buyer, no fee. */
  @Transactional
  public void refundMilestone(Deal deal, List<Milestone> milestones, int seq) {
    String key = "refund:" + deal.getId() + "#" + seq;
    if (milestoneSettled(deal, seq)) {
      return;
    }
    long held = MilestoneShares.of(deal, milestones, seq).held();
    ledger.post(key, EntryKind.MILESTONE_REFUND, deal.getId(), "Milestone " + seq + " refunded to buyer",
        List.of(debit(Account.ESCROW_HELD, deal.getId(), held), credit(Account.BUYER_PAYABLE, deal.getId(), held)));
  }

  /**
   * A service deal's milestone split after its dispute (decision 44): its share of what is held less
   * its fee share goes to the parties as decided, both parts positive and adding up exactly; the fee
   * share to Rekber, as for a whole-deal split.
   */
  @Transactional
  public void splitMilestone(Deal deal, List<Milestone> milestones, int seq, long toBuyer, long toSeller) {
    if (milestoneSettled(deal, seq)) {
      return;
    }
    MilestoneShares shares = MilestoneShares.of(deal, milestones, seq);
    if (toBuyer <= 0 || toSeller <= 0 || toBuyer + toSeller != shares.splittable()) {
      throw new IllegalArgumentException("split " + toBuyer + " + " + toSeller + " does not share " + shares.splittable());
    }
    java.util.ArrayList<Posting> lines = new java.util.ArrayList<>(List.of(
        debit(Account.ESCROW_HELD, deal.getId(), shares.held()),
        credit(Account.BUYER_PAYABLE, deal.getId(), toBuyer),
        credit(Account.SELLER_PAYABLE, deal.getId(), toSeller)));
    if (shares.fee() != 0) {
      lines.add(credit(Account.FEE_REVENUE, null, shares.fee()));
    }
    ledger.post("split:" + deal.getId() + "#" + seq, EntryKind.MILESTONE_SPLIT, deal.getId(),
        "Milestone " + seq + " split between buyer and seller", lines);
  }

  /** A milestone is settled once, whichever way: a second release, refund or split of it posts nothing. */
  private boolean milestoneSettled(Deal deal, int seq) {
    String suffix = deal.getId() + "#" + seq;
    return ledger.hasEntry("release:" + suffix) || ledger.hasEntry("refund:" + suffix) || ledger.hasEntry("split:" + suffix);
  }

  /** Everything held goes back to the buyer; no fee is charged on a refund. */
  @Transactional
  public void refund(Deal deal) {
    if (ledger.hasEntry("refund:" + deal.getId())) {
      return;
    }
    long held = ledger.holding(Account.ESCROW_HELD, deal.getId());
    if (held <= 0) {
      throw new IllegalStateException("deal " + deal.getId() + " holds nothing to refund");
    }
    ledger.post(
        "refund:" + deal.getId(),
        EntryKind.REFUND,
        deal.getId(),
        "Refunded to buyer",
        List.of(debit(Account.ESCROW_HELD, deal.getId(), held), credit(Account.BUYER_PAYABLE, deal.getId(), held)));
  }

  /**
   * A dispute split: the held amount less the full fee is shared between buyer and seller as
   * decided; both parts must be positive and add up exactly (docs/ledger.md, "Split").
   */
  @Transactional
  public void split(Deal deal, long toBuyer, long toSeller) {
    if (ledger.hasEntry("split:" + deal.getId())) {
      return;
    }
    long held = ledger.holding(Account.ESCROW_HELD, deal.getId());
    if (held != deal.grossAmount()) {
      throw new IllegalStateException("deal " + deal.getId() + " holds " + held + ", expected " + deal.grossAmount());
    }
    if (toBuyer <= 0 || toSeller <= 0 || toBuyer + toSeller != splittable(deal)) {
      throw new IllegalArgumentException("split " + toBuyer + " + " + toSeller + " does not share " + splittable(deal));
    }
    ledger.post(
        "split:" + deal.getId(),
        EntryKind.SPLIT,
        deal.getId(),
        "Split between buyer and seller",
        List.of(
            debit(Account.ESCROW_HELD, deal.getId(), held),
            credit(Account.BUYER_PAYABLE, deal.getId(), toBuyer),
            credit(Account.SELLER_PAYABLE, deal.getId(), toSeller),
            credit(Account.FEE_REVENUE, null, deal.getFee())));
  }

  /** What a split shares between the parties: everything the buyer paid in, less the whole fee. */
  public static long splittable(Deal deal) {
    return deal.grossAmount() - deal.getFee();
  }

  /** A payout the provider confirmed: the payable is settled. One entry per payout. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordPayout(String payoutId, String dealId, Account payable, long amount) {
    ledger.post(
        "payout:" + payoutId,
        EntryKind.PAYOUT,
        dealId,
        "Paid out (" + payoutId + ")",
        List.of(debit(payable, dealId, amount), credit(Account.PAYOUT_CLEARING, null, amount)));
  }

  public long holding(Account account, String dealId) {
    return ledger.holding(account, dealId);
  }
}
