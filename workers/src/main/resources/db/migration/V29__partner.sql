-- Partner API (docs/partner-api.md): which partner created which deal, the webhook endpoint and
-- signing secret of each partner, and the webhook outbox that is also the partner's delivery log.
CREATE TABLE partner_deal (
    deal_id     VARCHAR(16)  PRIMARY KEY REFERENCES deal (id),
    partner_id  VARCHAR(100) NOT NULL,
    external_ref VARCHAR(100),
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_partner_deal_partner ON partner_deal (partner_id, created_at);

CREATE TABLE partner_endpoint (
    partner_id     VARCHAR(100) PRIMARY KEY,
    url            VARCHAR(500) NOT NULL,
    signing_secret VARCHAR(200) NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- One row per (event, attempt series): PENDING until delivered (2xx) or given up (FAILED after
-- max attempts); replays add a new row. Workers claim due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE partner_webhook (
    id               BIGSERIAL    PRIMARY KEY,
    partner_id       VARCHAR(100) NOT NULL,
    deal_id          VARCHAR(16)  NOT NULL,
    event_type       VARCHAR(60)  NOT NULL,
    body             TEXT         NOT NULL,
    status           VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    last_status      INT,
    last_error       VARCHAR(500),
    replay_of        BIGINT       REFERENCES partner_webhook (id),
    created_at       TIMESTAMPTZ  NOT NULL,
    delivered_at     TIMESTAMPTZ
);
CREATE INDEX ix_partner_webhook_due ON partner_webhook (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX ix_partner_webhook_partner ON partner_webhook (partner_id, id);
