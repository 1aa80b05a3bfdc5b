package id.rekber.payment;

import java.time.Instant;
import java.util.Optional;

/**
 * The port every payment provider plugs in behind (docs/payment-providers.md). Create calls carry
 * an idempotency key derived from a row we committed before the call (the order id, the payout id),
 * so a redelivered job or a retry after a timeout asks for the same object again.
 *
 * <p>Technical failures (timeouts, 5xx) are {@link ProviderUnavailableException}s and are retried by
 * the job; a provider's refusal is {@link ProviderRefusedException} or, for payouts, {@link
 * PayoutRequestResult.Refused}.
 */
public interface PaymentProvider {
  String name();

  /**
   * Xendit and the sandbox: creates the payable invoice. Midtrans: no provider call, the buyer picks a
   * method first ({@link #needsMethodChoice()}), then {@link #charge} makes the charge.
   */
  Invoice createInvoice(String orderId, long amount, Instant expiresAt);

  /** True when the buyer must pick a payment method before anything can be paid (Midtrans Core API). */
  default boolean needsMethodChoice() {
    return false;
  }

  /** The methods a buyer may pick ({@link #needsMethodChoice()} providers only). */
  default java.util.Set<PaymentMethod> methods() {
    return java.util.Set.of();
  }

  /** Charges (or re-charges after {@link #closeInvoice}) the order with the buyer's method. */
  default Invoice charge(String orderId, long amount, Instant expiresAt, PaymentMethod method) {
    throw new UnsupportedOperationException(name() + " does not charge per method");
  }

  /**
   * Makes an unpaid invoice unpayable (method change, deal closed, deadline passed). Idempotent;
   * returns what the provider says afterwards, so a payment that won the race is reported, not hidden.
   */
  Optional<ProviderPayment> closeInvoice(String orderId);

  PayoutRequestResult requestPayout(String payoutId, long amount, String destination);

  /**
   * False when the provider documents no idempotency for payout creation (Iris): a create whose
   * answer was lost must then not be sent again; an admin finds the payout at the provider.
   */
  default boolean idempotentPayouts() {
    return true;
  }

  /** Account inquiry: the holder's name as the bank knows it, or empty if there is no such account. */
  Optional<String> accountHolder(String bankCode, String accountNumber);

  /**
   * The provider's own record of a payment (its status API), asked before money is recorded and by
   * the reconciliation; empty when the provider does not know the order.
   */
  Optional<ProviderPayment> paymentStatus(String orderId);

  /** What the provider's status API says about an order. */
  record ProviderPayment(String orderId, PaymentStatus status, String providerStatus, long grossAmount, String transactionId) {}

  /**
   * How the buyer pays: a virtual account (or Mandiri biller code + bill key), a QRIS payload, an
   * e-wallet deeplink, or a hosted checkout page; {@code chargeTransactionId} is the provider's id of
   * this charge or invoice, {@code expiresAt} when this charge (not the payment) expires.
   */
  record Invoice(PaymentMethod method, String vaNumber, String billerCode, String qrisPayload, String deeplinkUrl,
      String checkoutUrl, String chargeTransactionId, Instant expiresAt) {
    public Invoice(String vaNumber, String qrisPayload, String checkoutUrl) {
      this(null, vaNumber, null, qrisPayload, null, checkoutUrl, null, null);
    }
  }

  /** The provider's synchronous answer to a payout request. */
  sealed interface PayoutRequestResult {
    /** Taken; the result follows by notification. */
    record Accepted(String providerReference) implements PayoutRequestResult {}

    /** Paid synchronously (a direct refund to the payment source). */
    record Completed(String providerReference) implements PayoutRequestResult {}

    /** A business refusal (a 4xx, an unsupported destination): the admin's failed-payout task. */
    record Refused(String reason) implements PayoutRequestResult {}
  }
}
