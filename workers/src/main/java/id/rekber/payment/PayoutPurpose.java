package id.rekber.payment;

import id.rekber.ledger.Account;

public enum PayoutPurpose {
  RELEASE(Account.SELLER_PAYABLE),
  REFUND(Account.BUYER_PAYABLE);

  private final Account payable;

  PayoutPurpose(Account payable) {
    this.payable = payable;
  }

  public Account payable() {
    return payable;
  }
}
