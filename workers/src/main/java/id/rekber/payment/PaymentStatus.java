package id.rekber.payment;

/** Where a buyer payment stands, in Rekber's words; each provider adapter maps its own statuses to these. */
public enum PaymentStatus {
  /** Created or waiting for the buyer's transfer. */
  PENDING,
  /** The money is with the provider: the only status that records a payment. */
  PAID,
  /** The invoice (or this charge) ran out before the buyer paid. */
  EXPIRED,
  /** Cancelled by us or the provider before payment. */
  CANCELLED,
  /** The provider refused the payment (fraud screening, bank decline). */
  DENIED,
  /** After payment: the provider refunded it in full. Never changes a paid payment; staff are alerted. */
  REFUNDED,
  /** After payment: the provider refunded part of it. */
  PARTIALLY_REFUNDED,
  /** After payment: a chargeback or bank reversal. */
  REVERSED;

  /** The invoice can no longer be paid. */
  public boolean isClosedUnpaid() {
    return this == EXPIRED || this == CANCELLED || this == DENIED;
  }

  /** Words that only make sense about money already received. */
  public boolean isAfterPayment() {
    return this == REFUNDED || this == PARTIALLY_REFUNDED || this == REVERSED;
  }
}
