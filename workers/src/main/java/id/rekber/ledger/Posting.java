package id.rekber.ledger;

/** One line of a journal entry: debit when positive, credit when negative; whole rupiah. */
public record Posting(Account account, String dealId, long amount) {
  public static Posting debit(Account account, String dealId, long amount) {
    return new Posting(account, dealId, amount);
  }

  public static Posting credit(Account account, String dealId, long amount) {
    return new Posting(account, dealId, -amount);
  }
}
