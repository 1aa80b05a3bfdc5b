-- Double-entry ledger. Amounts are signed integer rupiah: debit > 0, credit < 0.
-- The database itself guards the invariants; the application is not trusted alone.

CREATE TABLE ledger_account_type (
    code        VARCHAR(30) PRIMARY KEY,
    normal_side VARCHAR(6)  NOT NULL CHECK (normal_side IN ('DEBIT', 'CREDIT')),
    per_deal    BOOLEAN     NOT NULL,
    description VARCHAR(200) NOT NULL
);
INSERT INTO ledger_account_type VALUES
    ('PSP_CLEARING',   'DEBIT',  FALSE, 'Money collected by the payment provider, not yet settled to our bank'),
    ('ESCROW_HELD',    'CREDIT', TRUE,  'Buyer money held for a deal'),
    ('SELLER_PAYABLE', 'CREDIT', TRUE,  'Released to the seller, payout pending'),
    ('BUYER_PAYABLE',  'CREDIT', TRUE,  'Refund owed to the buyer, payout pending'),
    ('FEE_REVENUE',    'CREDIT', FALSE, 'Rekber service fees earned'),
    ('PAYOUT_CLEARING','DEBIT',  FALSE, 'Money paid out through the provider');

CREATE TABLE journal_entry (
    id              BIGSERIAL PRIMARY KEY,
    idempotency_key VARCHAR(100) NOT NULL UNIQUE,
    kind            VARCHAR(20)  NOT NULL CHECK (kind IN ('PAYMENT', 'RELEASE', 'REFUND', 'PAYOUT')),
    deal_id         VARCHAR(16)  NOT NULL REFERENCES deal (id),
    description     VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
-- A deal is released or refunded at most once in total.
CREATE UNIQUE INDEX ux_journal_settlement ON journal_entry (deal_id) WHERE kind IN ('RELEASE', 'REFUND');
-- A deal is paid into escrow at most once.
CREATE UNIQUE INDEX ux_journal_payment ON journal_entry (deal_id) WHERE kind = 'PAYMENT';

CREATE TABLE journal_line (
    id       BIGSERIAL PRIMARY KEY,
    entry_id BIGINT      NOT NULL REFERENCES journal_entry (id),
    account  VARCHAR(30) NOT NULL REFERENCES ledger_account_type (code),
    deal_id  VARCHAR(16) REFERENCES deal (id),
    amount   BIGINT      NOT NULL CHECK (amount <> 0)
);
CREATE INDEX ix_journal_line_entry ON journal_line (entry_id);
CREATE INDEX ix_journal_line_deal ON journal_line (deal_id);

-- Running balance of what Rekber holds for each deal, per liability account. Global accounts
-- (clearing, revenue) are not tracked here, so concurrent deals never queue on one hot row.
CREATE TABLE ledger_balance (
    account VARCHAR(30) NOT NULL REFERENCES ledger_account_type (code),
    deal_id VARCHAR(16) NOT NULL REFERENCES deal (id),
    balance BIGINT      NOT NULL,
    PRIMARY KEY (account, deal_id),
    -- Liabilities to users (held, payable) may never flip to the debit side: no negative holdings.
    CONSTRAINT ck_no_negative_holding CHECK (balance <= 0)
);

CREATE FUNCTION ledger_apply_line() RETURNS trigger AS $$
BEGIN
    IF NEW.account NOT IN ('ESCROW_HELD', 'SELLER_PAYABLE', 'BUYER_PAYABLE') THEN
        RETURN NEW;
    END IF;
    IF NEW.deal_id IS NULL THEN
        RAISE EXCEPTION 'account % needs a deal', NEW.account USING ERRCODE = 'check_violation';
    END IF;
    -- Update first: INSERT .. ON CONFLICT would check the proposed row, not the sum.
    UPDATE ledger_balance SET balance = balance + NEW.amount
    WHERE account = NEW.account AND deal_id = NEW.deal_id;
    IF NOT FOUND THEN
        INSERT INTO ledger_balance (account, deal_id, balance) VALUES (NEW.account, NEW.deal_id, NEW.amount);
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER tr_journal_line_balance AFTER INSERT ON journal_line
    FOR EACH ROW EXECUTE FUNCTION ledger_apply_line();

-- Every entry balances: checked at commit, after all its lines are in.
CREATE FUNCTION ledger_check_entry_balanced() RETURNS trigger AS $$
DECLARE
    total BIGINT;
    line_count INT;
BEGIN
    SELECT COALESCE(SUM(amount), 0), COUNT(*) INTO total, line_count
    FROM journal_line WHERE entry_id = NEW.entry_id;
    IF total <> 0 OR line_count < 2 THEN
        RAISE EXCEPTION 'journal entry % is not balanced (sum %, % lines)', NEW.entry_id, total, line_count
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER tr_journal_line_balanced AFTER INSERT ON journal_line
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced();

-- The journal is append-only.
CREATE FUNCTION ledger_forbid_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$ LANGUAGE plpgsql;

CREATE TRIGGER tr_journal_entry_immutable BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_forbid_change();
CREATE TRIGGER tr_journal_line_immutable BEFORE UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION ledger_forbid_change();
