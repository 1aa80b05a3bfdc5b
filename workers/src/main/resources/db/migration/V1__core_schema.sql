-- Rekber core schema: users, deals, payments, payouts, ledger, notifications, inbox.
-- Amounts are integer rupiah (BIGINT). Timestamps are UTC (timestamptz).

CREATE TABLE app_user (
    id                  UUID PRIMARY KEY,
    email               VARCHAR(254) NOT NULL UNIQUE,
    display_name        VARCHAR(100) NOT NULL,
    phone               VARCHAR(20),
    password_hash       VARCHAR(100),
    roles               VARCHAR(200) NOT NULL DEFAULT 'member',
    locale              VARCHAR(5)   NOT NULL DEFAULT 'id',
    kyc_tier            SMALLINT     NOT NULL DEFAULT 0,
    bank_code           VARCHAR(20),
    bank_account_number VARCHAR(34),
    bank_account_name   VARCHAR(100),
    created_at          TIMESTAMPTZ  NOT NULL
);

CREATE TABLE deal (
    id                     VARCHAR(16) PRIMARY KEY,
    item_name              VARCHAR(120) NOT NULL,
    item_description       VARCHAR(2000),
    price                  BIGINT       NOT NULL CHECK (price > 0),
    shipping_cost          BIGINT       NOT NULL CHECK (shipping_cost >= 0),
    fee                    BIGINT       NOT NULL CHECK (fee >= 0),
    buyer_fee              BIGINT       NOT NULL CHECK (buyer_fee >= 0),
    seller_fee             BIGINT       NOT NULL CHECK (seller_fee >= 0),
    fee_payer              VARCHAR(10)  NOT NULL CHECK (fee_payer IN ('BUYER', 'SELLER', 'SPLIT')),
    initiator_role         VARCHAR(10)  NOT NULL CHECK (initiator_role IN ('BUYER', 'SELLER')),
    buyer_id               UUID REFERENCES app_user (id),
    seller_id              UUID REFERENCES app_user (id),
    counterparty_email     VARCHAR(254) NOT NULL,
    status                 VARCHAR(30)  NOT NULL,
    status_reason          VARCHAR(40),
    ship_within_days       SMALLINT     NOT NULL CHECK (ship_within_days BETWEEN 1 AND 7),
    inspection_days        SMALLINT     NOT NULL CHECK (inspection_days BETWEEN 1 AND 14),
    accept_deadline        TIMESTAMPTZ  NOT NULL,
    payment_deadline       TIMESTAMPTZ,
    ship_deadline          TIMESTAMPTZ,
    delivery_fallback_at   TIMESTAMPTZ,
    inspection_deadline    TIMESTAMPTZ,
    paid_at                TIMESTAMPTZ,
    shipped_at             TIMESTAMPTZ,
    delivered_at           TIMESTAMPTZ,
    completed_at           TIMESTAMPTZ,
    courier                VARCHAR(40),
    tracking_number        VARCHAR(60),
    buyer_cancel_requested  BOOLEAN     NOT NULL DEFAULT FALSE,
    seller_cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    process_instance_key   BIGINT,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0,
    CHECK (buyer_fee + seller_fee = fee),
    CHECK (buyer_id IS NULL OR seller_id IS NULL OR buyer_id <> seller_id)
);
CREATE INDEX ix_deal_buyer ON deal (buyer_id);
CREATE INDEX ix_deal_seller ON deal (seller_id);
CREATE INDEX ix_deal_counterparty ON deal (lower(counterparty_email));

CREATE TABLE deal_event (
    id          BIGSERIAL PRIMARY KEY,
    deal_id     VARCHAR(16)  NOT NULL REFERENCES deal (id),
    type        VARCHAR(40)  NOT NULL,
    actor       VARCHAR(254) NOT NULL,
    detail      VARCHAR(500),
    occurred_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_deal_event_deal ON deal_event (deal_id, id);

-- Payments: one invoice per deal, confirmed only by a verified provider callback.
CREATE TABLE payment (
    id                VARCHAR(40) PRIMARY KEY,           -- the order id sent to the provider
    deal_id           VARCHAR(16) NOT NULL UNIQUE REFERENCES deal (id),
    provider          VARCHAR(20) NOT NULL,
    gross_amount      BIGINT      NOT NULL CHECK (gross_amount > 0),
    currency          VARCHAR(3)  NOT NULL DEFAULT 'IDR',
    status            VARCHAR(20) NOT NULL,              -- PENDING, PAID, EXPIRED
    va_number         VARCHAR(30),
    qris_payload      VARCHAR(300),
    checkout_url      VARCHAR(300),
    expires_at        TIMESTAMPTZ NOT NULL,
    paid_at           TIMESTAMPTZ,
    provider_txn_id   VARCHAR(80),
    created_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0
);

-- Every callback we accepted, keyed by the provider's notification id: the dedupe table.
CREATE TABLE provider_notification (
    provider        VARCHAR(20)  NOT NULL,
    notification_id VARCHAR(100) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    reference       VARCHAR(60)  NOT NULL,
    status          VARCHAR(30)  NOT NULL,
    outcome         VARCHAR(40)  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, notification_id)
);

CREATE TABLE payout (
    id                VARCHAR(60) PRIMARY KEY,          -- idempotency key sent to the provider
    deal_id           VARCHAR(16) NOT NULL REFERENCES deal (id),
    purpose           VARCHAR(10) NOT NULL CHECK (purpose IN ('RELEASE', 'REFUND')),
    attempt           INT         NOT NULL CHECK (attempt >= 1),
    payee_id          UUID        NOT NULL REFERENCES app_user (id),
    amount            BIGINT      NOT NULL CHECK (amount > 0),
    destination       VARCHAR(120) NOT NULL,
    status            VARCHAR(20) NOT NULL,             -- REQUESTED, COMPLETED, FAILED
    failure_reason    VARCHAR(200),
    provider_txn_id   VARCHAR(80),
    requested_at      TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    version           BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (deal_id, purpose, attempt)
);
-- At most one successful payout per deal and purpose.
CREATE UNIQUE INDEX ux_payout_completed ON payout (deal_id, purpose) WHERE status = 'COMPLETED';

-- Outbox: mails are written in the same transaction as the state change and sent later.
CREATE TABLE notification_outbox (
    id              BIGSERIAL PRIMARY KEY,
    dedupe_key      VARCHAR(120) NOT NULL UNIQUE,
    deal_id         VARCHAR(16),
    recipient       VARCHAR(254) NOT NULL,
    locale          VARCHAR(5)   NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(10)  NOT NULL DEFAULT 'PENDING',
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      VARCHAR(500),
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX ix_outbox_pending ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';

-- Human tasks of the embedded engine (job-worker user tasks), mirrored for the inbox.
CREATE TABLE user_task (
    job_key              BIGINT PRIMARY KEY,
    element_id           VARCHAR(100) NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    process_id           VARCHAR(100) NOT NULL,
    process_instance_key BIGINT       NOT NULL,
    candidate_groups     VARCHAR(200),
    form_key             VARCHAR(200),
    due_at               TIMESTAMPTZ,
    deal_id              VARCHAR(16),
    variables            TEXT         NOT NULL,
    status               VARCHAR(12)  NOT NULL,         -- OPEN, COMPLETED, CANCELED
    assignee             VARCHAR(254),
    completed_by         VARCHAR(254),
    created_at           TIMESTAMPTZ  NOT NULL,
    completed_at         TIMESTAMPTZ,
    version              BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_user_task_open ON user_task (status, candidate_groups);
