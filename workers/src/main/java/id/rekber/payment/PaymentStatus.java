package id.rekber.payment;

/** Where a buyer payment stands, in Rekber's words; each provider adapter maps its own statuses to these. */
public enum PaymentStatus {
  /** Created or waiting for the buyer's transfer. */
  PENDING,
  /** The money is with the provider: the only status that records a payment. */
  PAID,
  /** The invoice ran out before the buyer paid. */
  EXPIRED,
  /** Cancelled by us or the provider before payment. */
  CANCELLED,
  /** The provider refused the payment (fraud screening, bank decline). */
  DENIED;

  /** The invoice can no longer be paid. */
  public boolean isClosedUnpaid() {
    return this == EXPIRED || this == CANCELLED || this == DENIED;
  }
}
