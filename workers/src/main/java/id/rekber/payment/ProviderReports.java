package id.rekber.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a payment provider says happened on a day (Asia/Jakarta): the input of the daily funds
 * reconciliation. Each provider adapter implements it from its own report or transaction API
 * (see docs/payment-providers.md, "Reconciliation input").
 */
public interface ProviderReports {
  String provider();

  /** What the provider settled, paid out, refunded or charged on that day. */
  List<ProviderTransaction> transactionsOn(LocalDate day);

  /** The escrow account's balance at the provider at the end of that day, if the provider reports one. */
  Optional<Long> closingBalance(LocalDate day);

  enum Kind { PAYMENT, PAYOUT, REFUND, FEE, REVERSAL }

  /**
   * One line of the provider's report. {@code reference} is our id (PAY-… or PO-…), or null when
   * the provider has none of ours; amounts are whole rupiah, positive; {@code fee} is what the
   * provider kept, 0 if unknown.
   */
  record ProviderTransaction(Kind kind, String reference, String providerId, long amount, long fee,
      String providerStatus, Instant occurredAt) {}
}
