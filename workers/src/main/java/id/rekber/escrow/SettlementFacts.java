package id.rekber.escrow;

/**
 * What the money side knows about a deal, asked when orchestration is rebuilt after a restart. The
 * escrow module decides where a deal resumes; the ledger and payout records (payment module) answer.
 */
public interface SettlementFacts {
  /** Has the deal a journal entry of this kind: {@code PAYMENT}, {@code RELEASE}, {@code SPLIT} or {@code REFUND}? */
  boolean hasEntry(String dealId, String entryKind);

  /** Has a payout for this purpose ({@code RELEASE} or {@code REFUND}) been confirmed by the bank? */
  boolean payoutCompleted(String dealId, String purpose);
}
