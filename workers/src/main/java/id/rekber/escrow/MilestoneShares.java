package id.rekber.escrow;

import java.util.List;

/**
 * What each milestone holds and pays (docs/ledger.md): its amount plus its share of the buyer's
 * fee; the seller gets the amount less its share of the seller's fee. Shares are proportional to
 * the amount; the last milestone takes the rounding remainder, so they add up to the deal's fee.
 */
public record MilestoneShares(long held, long toSeller, long fee) {

  /** What a dispute on this milestone may share between the parties: what it holds less its fee share. */
  public long splittable() {
    return held - fee;
  }

  public static MilestoneShares of(Deal deal, List<Milestone> milestones, int seq) {
    long price = deal.getPrice();
    long buyerFee = 0;
    long sellerFee = 0;
    for (Milestone m : milestones) {
      boolean last = m.getSeq() == milestones.size();
      long b = last ? deal.getBuyerFee() - buyerFee : deal.getBuyerFee() * m.getAmount() / price;
      long c = last ? deal.getSellerFee() - sellerFee : deal.getSellerFee() * m.getAmount() / price;
      if (m.getSeq() == seq) {
        return new MilestoneShares(m.getAmount() + b, m.getAmount() - c, b + c);
      }
      buyerFee += b;
      sellerFee += c;
    }
    throw new IllegalArgumentException("deal " + deal.getId() + " has no milestone " + seq);
  }
}
