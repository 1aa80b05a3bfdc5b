-- Trust (issue 14): fraud reports and their appeals, the public check's rate limit, deal reviews.
-- Numbers are kept like the blocklist keeps them: a blind index (HMAC-SHA256) and a masked copy,
-- never in clear (docs/personal-data.md).

CREATE TABLE fraud_report (
    id                   UUID PRIMARY KEY,
    reporter_id          UUID          NOT NULL REFERENCES app_user (id),
    kind                 VARCHAR(12)   NOT NULL CHECK (kind IN ('BANK_ACCOUNT', 'PHONE')),
    value_index          VARCHAR(64)   NOT NULL,
    masked               VARCHAR(40)   NOT NULL,
    description          VARCHAR(2000) NOT NULL,
    deal_id              VARCHAR(16),
    -- OPEN, VERIFIED, DISMISSED, ABUSIVE, APPEALED, NORMALISED, UPHELD
    status               VARCHAR(12)   NOT NULL,
    owner_id             UUID          REFERENCES app_user (id),
    blocklist_id         BIGINT,
    decision_note        VARCHAR(1000),
    verified_by          VARCHAR(254),
    decided_at           TIMESTAMPTZ,
    appeal_by            TIMESTAMPTZ,
    appeal_text          VARCHAR(2000),
    appealed_at          TIMESTAMPTZ,
    appeal_decided_by    VARCHAR(254),
    appeal_note          VARCHAR(1000),
    appeal_decided_at    TIMESTAMPTZ,
    process_instance_key BIGINT,
    created_at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX ix_fraud_report_value ON fraud_report (kind, value_index);
CREATE INDEX ix_fraud_report_reporter ON fraud_report (reporter_id, status, decided_at);
CREATE INDEX ix_fraud_report_owner ON fraud_report (owner_id);

CREATE TABLE fraud_evidence (
    id           UUID PRIMARY KEY,
    report_id    UUID         NOT NULL REFERENCES fraud_report (id),
    purpose      VARCHAR(8)   NOT NULL CHECK (purpose IN ('REPORT', 'APPEAL')),
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(40)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
    size_bytes   INT          NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
    content      BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_fraud_evidence_report ON fraud_evidence (report_id);

-- Fixed one-minute windows per client (blind index of the client address), shared by every instance.
CREATE TABLE public_check_window (
    client_index VARCHAR(64) NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INT         NOT NULL,
    PRIMARY KEY (client_index, window_start)
);

CREATE TABLE deal_review (
    id            BIGSERIAL PRIMARY KEY,
    deal_id       VARCHAR(16)  NOT NULL,
    reviewer_id   UUID         NOT NULL REFERENCES app_user (id),
    reviewee_id   UUID         NOT NULL REFERENCES app_user (id),
    reviewer_role VARCHAR(6)   NOT NULL CHECK (reviewer_role IN ('BUYER', 'SELLER')),
    rating        SMALLINT     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text          VARCHAR(280),
    created_at    TIMESTAMPTZ  NOT NULL,
    hidden_by     VARCHAR(254),
    hidden_reason VARCHAR(300),
    hidden_at     TIMESTAMPTZ,
    UNIQUE (deal_id, reviewer_id)
);
CREATE INDEX ix_deal_review_reviewee ON deal_review (reviewee_id, created_at DESC);
