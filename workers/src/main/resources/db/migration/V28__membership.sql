-- Premium membership (processes/membership.bpmn, docs/process-catalogue.md "membership").
-- One row per member; the period is what has been paid for. Status: PENDING (first invoice open),
-- ACTIVE, GRACE (the renewal is unpaid after the period ended: benefits still apply), ENDED.
CREATE TABLE membership (
    user_id              UUID         PRIMARY KEY REFERENCES app_user (id),
    plan                 VARCHAR(10)  NOT NULL CHECK (plan IN ('MONTHLY', 'YEARLY')),
    status               VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'GRACE', 'ENDED')),
    period_start         TIMESTAMPTZ,
    period_end           TIMESTAMPTZ,
    grace_until          TIMESTAMPTZ,
    cancel_at_period_end BOOLEAN      NOT NULL DEFAULT FALSE,
    end_reason           VARCHAR(20),
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);

-- Every invoice of a membership (the first and each renewal), paid through the payment provider
-- with an order id starting with MEM-; the history members see on their profile.
CREATE TABLE membership_payment (
    order_id      VARCHAR(40)  PRIMARY KEY,
    user_id       UUID         NOT NULL REFERENCES app_user (id),
    plan          VARCHAR(10)  NOT NULL,
    kind          VARCHAR(10)  NOT NULL CHECK (kind IN ('FIRST', 'RENEWAL')),
    amount        BIGINT       NOT NULL CHECK (amount > 0),
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'PAID', 'EXPIRED')),
    checkout_url  VARCHAR(500),
    expires_at    TIMESTAMPTZ  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    paid_at       TIMESTAMPTZ,
    period_start  TIMESTAMPTZ,
    period_end    TIMESTAMPTZ
);
CREATE INDEX ix_membership_payment_user ON membership_payment (user_id, created_at);

-- Ledger: a membership fee is revenue without a deal (Dr PSP_CLEARING · Cr FEE_REVENUE).
ALTER TABLE journal_entry ALTER COLUMN deal_id DROP NOT NULL;
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check
    CHECK (kind IN ('PAYMENT', 'RELEASE', 'REFUND', 'PAYOUT', 'SPLIT', 'MEMBERSHIP'));
ALTER TABLE journal_entry ADD CONSTRAINT ck_journal_entry_deal
    CHECK ((kind = 'MEMBERSHIP') = (deal_id IS NULL));
