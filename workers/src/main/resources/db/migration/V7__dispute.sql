-- Disputes: one per deal, its stage and deadline, the seller's answer, the outcome.
CREATE TABLE dispute (
    deal_id          VARCHAR(16)  PRIMARY KEY REFERENCES deal (id),
    reason           TEXT         NOT NULL,
    opened_by        VARCHAR(200) NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    stage            VARCHAR(30)  NOT NULL,
    stage_deadline   TIMESTAMPTZ,
    -- A party already acted in this stage; a second answer is refused until the process moves on.
    stage_answered   BOOLEAN      NOT NULL DEFAULT FALSE,
    seller_response  VARCHAR(20),
    offer_amount     BIGINT CHECK (offer_amount > 0),
    offer_answer     VARCHAR(10),
    return_courier   VARCHAR(60),
    return_tracking  VARCHAR(60),
    outcome          VARCHAR(20),
    buyer_amount     BIGINT CHECK (buyer_amount >= 0),
    seller_amount    BIGINT CHECK (seller_amount >= 0),
    resolved_at      TIMESTAMPTZ
);

-- The dispute's timeline: claim, answers, messages, files, decisions.
CREATE TABLE dispute_entry (
    id           BIGSERIAL    PRIMARY KEY,
    deal_id      VARCHAR(16)  NOT NULL REFERENCES dispute (deal_id),
    kind         VARCHAR(40)  NOT NULL,
    author       VARCHAR(200) NOT NULL,
    author_role  VARCHAR(10)  NOT NULL CHECK (author_role IN ('BUYER', 'SELLER', 'STAFF', 'SYSTEM')),
    text         TEXT,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_dispute_entry_deal ON dispute_entry (deal_id, id);

-- Evidence files live in the database, never on a public path; served only after an access check.
CREATE TABLE dispute_evidence (
    entry_id      BIGINT       PRIMARY KEY REFERENCES dispute_entry (id),
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(40)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
    size_bytes    INT          NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
    content       BYTEA        NOT NULL
);

-- A split settles the deal too: SELLER_PAYABLE and BUYER_PAYABLE in one entry, at most one settlement per deal.
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check
    CHECK (kind IN ('PAYMENT', 'RELEASE', 'REFUND', 'PAYOUT', 'SPLIT'));
DROP INDEX ux_journal_settlement;
CREATE UNIQUE INDEX ux_journal_settlement ON journal_entry (deal_id) WHERE kind IN ('RELEASE', 'REFUND', 'SPLIT');
