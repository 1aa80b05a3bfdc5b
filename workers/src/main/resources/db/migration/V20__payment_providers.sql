-- Real payment providers (docs/payment-providers.md, decisions 32 and 33).

-- The buyer's chosen method and the provider's current charge (Midtrans charges one method at a time).
ALTER TABLE payment ADD COLUMN method VARCHAR(20);               -- bca_va, …, shopeepay; invoice for Xendit
ALTER TABLE payment ADD COLUMN charge_transaction_id VARCHAR(80); -- the provider's id of the current charge or invoice
ALTER TABLE payment ADD COLUMN biller_code VARCHAR(30);           -- Mandiri bill: biller code (va_number holds the bill key)
ALTER TABLE payment ADD COLUMN deeplink_url VARCHAR(500);         -- e-wallet deeplink or QR image URL

-- Which provider a payout went to, and what it calls it (Iris reference_no, Xendit payout id).
ALTER TABLE payout ADD COLUMN provider VARCHAR(20);
ALTER TABLE payout ADD COLUMN provider_reference VARCHAR(80);
ALTER TABLE payout ADD COLUMN provider_status VARCHAR(40);        -- SENDING before a non-idempotent create, then the provider's word
CREATE INDEX payout_provider_reference ON payout (provider, provider_reference);

-- One row per outbound provider call: the audit trail of 4xx answers and retries. Never keys, bodies or full account numbers.
CREATE TABLE provider_call (
    id               BIGSERIAL    PRIMARY KEY,
    provider         VARCHAR(20)  NOT NULL,
    operation        VARCHAR(30)  NOT NULL,   -- charge, status, expire, refund, payout-create, payout-approve, account-inquiry, report
    reference        VARCHAR(100),            -- PAY-…, PO-…, or a masked account for inquiries
    idempotency_key  VARCHAR(100),
    amount           BIGINT,
    http_status      INT,                     -- null: no answer (timeout, connection failure)
    provider_code    VARCHAR(60),
    provider_message VARCHAR(500),
    duration_ms      BIGINT       NOT NULL,
    attempt          INT          NOT NULL,
    called_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX provider_call_reference ON provider_call (reference, called_at);
