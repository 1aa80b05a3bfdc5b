-- The daily proof of funds (processes/funds-reconciliation.bpmn): per day (Asia/Jakarta), what the
-- ledger says Rekber owes its customers, what the provider says the escrow account holds, and
-- whether they agree. A later check of the same day replaces the row.
CREATE TABLE funds_reconciliation (
    day              DATE         PRIMARY KEY,
    provider         VARCHAR(30)  NOT NULL,
    customer_held    BIGINT       NOT NULL,        -- ESCROW_HELD + SELLER_PAYABLE + BUYER_PAYABLE
    fees             BIGINT       NOT NULL,        -- FEE_REVENUE, still in the escrow account
    provider_balance BIGINT,                       -- null: the provider reported no balance
    difference       BIGINT,                       -- provider_balance - (customer_held + fees)
    reconciled       BOOLEAN      NOT NULL,
    items            TEXT         NOT NULL,        -- JSON list of discrepancies (deal, entry, reference, amounts)
    checked_at       TIMESTAMPTZ  NOT NULL
);
