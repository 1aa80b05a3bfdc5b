package id.rekber.escrow;

/** Rekber's fee for a deal and how it is shared; integer rupiah. */
public record FeeQuote(long fee, long buyerFee, long sellerFee) {
  public static FeeQuote of(long fee, FeePayer payer) {
    return switch (payer) {
      case BUYER -> new FeeQuote(fee, fee, 0);
      case SELLER -> new FeeQuote(fee, 0, fee);
      // The odd rupiah of a split goes to the seller's share, so the buyer never pays more than half.
      case SPLIT -> new FeeQuote(fee, fee / 2, fee - fee / 2);
    };
  }
}
