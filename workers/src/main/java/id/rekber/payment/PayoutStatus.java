package id.rekber.payment;

/** The outcome of a payout the provider reports, mapped by each provider adapter. */
public enum PayoutStatus {
  COMPLETED,
  FAILED
}
