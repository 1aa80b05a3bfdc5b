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

  /** A virtual account number and QRIS payload the buyer can pay with, and a checkout page. */
  record Invoice(String vaNumber, String qrisPayload, String checkoutUrl) {}
}
