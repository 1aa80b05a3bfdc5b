package id.rekber.ledger;

public enum EntryKind {
  PAYMENT,
  RELEASE,
  REFUND,
  PAYOUT,
  /** A dispute settled by splitting: part to the buyer, part to the seller, the fee to Rekber. */
  SPLIT,
  /** A premium membership fee: revenue without a deal (Dr PSP_CLEARING · Cr FEE_REVENUE). */
  MEMBERSHIP
}
