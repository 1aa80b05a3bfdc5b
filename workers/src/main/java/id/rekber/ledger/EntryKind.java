package id.rekber.ledger;

public enum EntryKind {
  PAYMENT,
  RELEASE,
  REFUND,
  PAYOUT
}
