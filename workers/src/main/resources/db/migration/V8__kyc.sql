-- KYC submissions, their documents, the fraud blocklist, and encrypted personal data (UU PDP 27/2022).
-- Personal data is encrypted by the application (AES-GCM, key id inside each ciphertext, see
-- docs/personal-data.md); the database never sees it in clear. *_index columns are keyed hashes
-- (HMAC-SHA256, "blind index") so duplicates and blocklist hits are found without decrypting.

CREATE TABLE kyc_submission (
    id                   UUID PRIMARY KEY,
    user_id              UUID         NOT NULL REFERENCES app_user (id),
    status               VARCHAR(30)  NOT NULL,  -- CHECKING, IN_REVIEW, RESUBMISSION_REQUESTED, APPROVED, REJECTED, EXPIRED
    full_name            VARCHAR(100) NOT NULL,
    gender               VARCHAR(1)   NOT NULL CHECK (gender IN ('M', 'F')),
    birth_date_enc       BYTEA,
    nik_enc              BYTEA,
    nik_index            VARCHAR(64),
    nik_masked           VARCHAR(20),
    phone                VARCHAR(20),
    phone_index          VARCHAR(64),
    bank_code            VARCHAR(20)  NOT NULL,
    bank_account_enc     BYTEA,
    bank_account_index   VARCHAR(64),
    bank_account_masked  VARCHAR(40),
    check_results        TEXT,                   -- JSON: what each automated check found
    risk_decision        VARCHAR(20),
    risk_reasons         VARCHAR(500),
    decision_note        VARCHAR(1000),
    decided_by           VARCHAR(254),
    process_instance_key BIGINT,
    submitted_at         TIMESTAMPTZ  NOT NULL,
    decided_at           TIMESTAMPTZ,
    resubmit_by          TIMESTAMPTZ,
    purged_at            TIMESTAMPTZ,
    version              BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_kyc_submission_user ON kyc_submission (user_id, submitted_at DESC);
CREATE INDEX ix_kyc_submission_nik ON kyc_submission (nik_index);
-- One open submission per member.
CREATE UNIQUE INDEX ux_kyc_submission_open ON kyc_submission (user_id)
    WHERE status IN ('CHECKING', 'IN_REVIEW', 'RESUBMISSION_REQUESTED');

-- KTP photo and selfie: encrypted bytes, random ids, served only after an authorization check.
CREATE TABLE kyc_document (
    id            UUID PRIMARY KEY,
    submission_id UUID        NOT NULL REFERENCES kyc_submission (id) ON DELETE CASCADE,
    kind          VARCHAR(10) NOT NULL CHECK (kind IN ('KTP', 'SELFIE')),
    content_type  VARCHAR(20) NOT NULL,
    size_bytes    INT         NOT NULL,
    content_enc   BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (submission_id, kind)
);

-- Bank accounts and phone numbers reported for fraud (like Kominfo's cekrekening), kept by admins.
CREATE TABLE kyc_blocklist (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(12)  NOT NULL CHECK (kind IN ('BANK_ACCOUNT', 'PHONE')),
    value_index VARCHAR(64)  NOT NULL,
    masked      VARCHAR(40)  NOT NULL,
    reason      VARCHAR(300) NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (kind, value_index)
);

-- The sandbox bank's account register, answering account inquiries (name check) like a provider.
CREATE TABLE sandbox_bank_account (
    bank_code      VARCHAR(20)  NOT NULL,
    account_number VARCHAR(34)  NOT NULL,
    holder_name    VARCHAR(100) NOT NULL,
    PRIMARY KEY (bank_code, account_number)
);
INSERT INTO sandbox_bank_account VALUES
 ('BCA', '1234567890', 'BUDI SANTOSO'),
 ('BRI', '0987654321', 'SARI DEWI'),
 ('MANDIRI', '5550000', 'JOKO'),
 ('MANDIRI', '5551234567', 'JOKO');

-- Payout account numbers are personal data too: the application stores them encrypted from now on
-- (ciphertext is longer than the number). Plain values left from earlier versions are encrypted at startup.
ALTER TABLE app_user ALTER COLUMN bank_account_number TYPE VARCHAR(300);
ALTER TABLE payout ALTER COLUMN destination TYPE VARCHAR(400);
