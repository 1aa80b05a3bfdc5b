-- Service deals paid by milestone (decision 43).
ALTER TABLE deal ADD COLUMN milestone_count smallint NOT NULL DEFAULT 0 CHECK (milestone_count BETWEEN 0 AND 10);

CREATE TABLE deal_milestone (
    id                  bigserial    PRIMARY KEY,
    deal_id             varchar(16)  NOT NULL REFERENCES deal (id),
    seq                 smallint     NOT NULL CHECK (seq BETWEEN 1 AND 10),
    description         varchar(200) NOT NULL,
    amount              bigint       NOT NULL CHECK (amount > 0),
    due_date            date         NOT NULL,
    state               varchar(20)  NOT NULL CHECK (state IN ('PENDING', 'IN_PROGRESS', 'DELIVERED', 'DISPUTED', 'RELEASED', 'REFUNDED')),
    delivered_at        timestamptz,
    inspection_ends_at  timestamptz,
    settled_at          timestamptz,
    UNIQUE (deal_id, seq)
);

-- Each milestone is released or refunded on its own: two more entry kinds, unique by their keys.
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check
    CHECK (kind IN ('PAYMENT', 'RELEASE', 'REFUND', 'PAYOUT', 'SPLIT', 'MILESTONE_RELEASE', 'MILESTONE_REFUND'));
