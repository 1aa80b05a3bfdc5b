package id.rekber.payment;

/**
 * A payment that is not a deal's: a feature that sells something else through the same provider
 * (premium membership, order ids {@code MEM-…}) registers a route for its order id prefix.
 * {@link ProviderCallbacks} keeps and confirms such a callback like any other, then hands it to the
 * route instead of {@link PaymentCallbacks}. The route must be idempotent (callbacks repeat).
 */
public interface OrderRoute {
  /** Order ids this route owns start with it; never {@code PAY-}. */
  String prefix();

  /** Refuses (with a {@link id.rekber.platform.Refusal}) a notification that cannot be about one of its orders. */
  void validate(PaymentNotification notification);

  /** Applies a verified notification; returns the outcome for the provider's logs. */
  String handle(PaymentNotification notification);

  default boolean owns(String orderId) {
    return orderId != null && orderId.startsWith(prefix());
  }
}
