package id.rekber.ledger;

public enum EntryKind {
  PAYMENT,
  RELEASE,
  REFUND,
  PAYOUT,
  /** A dispute settled by splitting: part to the buyer, part to the seller, the fee to Rekber. */
  SPLIT,
  /** One milestone of a service deal released (decision 43). */
  MILESTONE_RELEASE,
  /** One milestone of a service deal refunded after its dispute. */
  MILESTONE_REFUND,
  /** One milestone of a service deal split between buyer and seller after its dispute (decision 44). */
  MILESTONE_SPLIT,
  /** A later milestone's own payment into escrow (decision 46); the deal's own is PAYMENT, once per deal. */
  MILESTONE_PAYMENT,
  /** A premium membership fee: revenue without a deal (Dr PSP_CLEARING · Cr FEE_REVENUE). */
  MEMBERSHIP
}
