-- The built-in sandbox payment provider keeps its own books, as an external provider would.
CREATE TABLE sandbox_invoice (
    order_id    VARCHAR(40) PRIMARY KEY,
    amount      BIGINT      NOT NULL,
    va_number   VARCHAR(30) NOT NULL,
    status      VARCHAR(20) NOT NULL,       -- pending, settlement, expire
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    paid_at     TIMESTAMPTZ
);

CREATE TABLE sandbox_payout (
    payout_id   VARCHAR(60) PRIMARY KEY,
    amount      BIGINT       NOT NULL,
    destination VARCHAR(120) NOT NULL,
    status      VARCHAR(20)  NOT NULL,      -- PROCESSING, COMPLETED, FAILED
    reason      VARCHAR(200),
    created_at  TIMESTAMPTZ  NOT NULL
);
