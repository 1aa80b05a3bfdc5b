package id.rekber.payment;

import java.time.Instant;
import java.util.Optional;

/**
 * The port every payment provider plugs in behind. Calls are idempotent on our ids (order id,
 * payout id), so a worker that is redelivered can safely call again. Results of payments and
 * payouts arrive later as signed callbacks.
 */
public interface PaymentProvider {
  String name();

  Invoice createInvoice(String orderId, long amount, Instant expiresAt);

  void requestPayout(String payoutId, long amount, String destination);

  /** Account inquiry: the holder's name as the bank knows it, or empty if there is no such account. */
  Optional<String> accountHolder(String bankCode, String accountNumber);

  /**
   * The provider's own record of a payment (its status API), asked before money is recorded and by
   * the reconciliation; empty when the provider does not know the order.
   */
  Optional<ProviderPayment> paymentStatus(String orderId);

  /** What the provider's status API says about an order. */
  record ProviderPayment(String orderId, PaymentStatus status, String providerStatus, long grossAmount, String transactionId) {}

  /** A virtual account number and QRIS payload the buyer can pay with, and a checkout page. */
  record Invoice(String vaNumber, String qrisPayload, String checkoutUrl) {}
}
