package id.rekber.escrow;

/** What the buyer said about the goods, or that the inspection period ended without a word. */
public enum BuyerVerdict {
  ACCEPTED,
  DISPUTED,
  TIMED_OUT
}
