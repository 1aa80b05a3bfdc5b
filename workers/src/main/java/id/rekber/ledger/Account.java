package id.rekber.ledger;

/** Ledger accounts; see the ledger_account_type table for their normal side. */
public enum Account {
  PSP_CLEARING,
  ESCROW_HELD,
  SELLER_PAYABLE,
  BUYER_PAYABLE,
  FEE_REVENUE,
  PAYOUT_CLEARING
}
