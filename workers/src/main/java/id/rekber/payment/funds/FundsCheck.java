package id.rekber.payment.funds;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's reconciliation. {@code providerBalance} is null when the provider reports none; then the
 * day is not reconciled. {@code difference} = provider balance − (customer money held + fees).
 */
public record FundsCheck(LocalDate day, String provider, long customerHeld, long fees, Long providerBalance, Long difference,
    boolean reconciled, List<Discrepancy> items) {

  /** A ledger entry or a statement line without its counterpart (or with another amount). */
  public record Discrepancy(String dealId, Long entryId, String kind, String reference, Long ledgerAmount, Long providerAmount,
      String problem) {
    static final String NOT_AT_PROVIDER = "NOT_AT_PROVIDER";
    static final String NOT_IN_LEDGER = "NOT_IN_LEDGER";
    static final String AMOUNT_DIFFERS = "AMOUNT_DIFFERS";

    /** One line for the admin's form, e.g. "RB-… entry 42 PAYOUT PO-…-RELEASE-1: ledger 270000, provider —, NOT_AT_PROVIDER". */
    public String line() {
      return (dealId == null ? "?" : dealId) + " entry " + (entryId == null ? "—" : entryId) + " " + kind + " " + reference
          + ": ledger " + (ledgerAmount == null ? "—" : ledgerAmount) + ", provider " + (providerAmount == null ? "—" : providerAmount)
          + ", " + problem;
    }
  }
}
