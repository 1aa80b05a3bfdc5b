package id.rekber.payment;

/** The outcome of a payout the provider reports, mapped by each provider adapter. */
public enum PayoutStatus {
  /** Still on its way (queued, approved, at the bank): recorded, changes nothing. */
  PENDING,
  COMPLETED,
  FAILED,
  /** Returned by the bank after completion: staff are alerted, the ledger is not touched automatically. */
  REVERSED
}
