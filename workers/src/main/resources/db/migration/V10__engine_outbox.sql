-- One way from the database to the engine: every process start and message is written here in the
-- transaction that decided it, and a relay sends it (docs/architecture.md, "Engine outbox").
CREATE TABLE engine_command (
    id                   BIGSERIAL    PRIMARY KEY,
    dedupe_key           VARCHAR(200) NOT NULL UNIQUE,
    kind                 VARCHAR(10)  NOT NULL,        -- START, MESSAGE
    process_id           VARCHAR(60),                  -- START: the BPMN process id
    start_before         VARCHAR(100),                 -- START: element to start before, or none
    reference            VARCHAR(100) NOT NULL,        -- business key: deal id, submission id, payout id
    message_name         VARCHAR(60),                  -- MESSAGE
    correlation_key      VARCHAR(100),                 -- MESSAGE
    message_id           VARCHAR(200),                 -- MESSAGE: the engine drops a repeat of it
    ttl_seconds          BIGINT,                       -- MESSAGE
    variables            TEXT         NOT NULL,        -- JSON object
    status               VARCHAR(12)  NOT NULL DEFAULT 'PENDING', -- PENDING, SENT, SUPERSEDED
    attempts             INT          NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMPTZ  NOT NULL,
    last_error           VARCHAR(500),
    created_at           TIMESTAMPTZ  NOT NULL,
    sent_at              TIMESTAMPTZ,
    process_instance_key BIGINT
);
CREATE INDEX engine_command_pending ON engine_command (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX engine_command_reference ON engine_command (reference);

-- Provider callbacks are kept before they are answered; one not yet applied is applied later.
CREATE TABLE provider_callback (
    id           BIGSERIAL    PRIMARY KEY,
    provider     VARCHAR(30)  NOT NULL,
    kind         VARCHAR(10)  NOT NULL,               -- PAYMENT, PAYOUT
    reference    VARCHAR(100) NOT NULL,               -- order id or payout id
    body         TEXT         NOT NULL,               -- the verified notification, as JSON
    status       VARCHAR(12)  NOT NULL DEFAULT 'RECEIVED', -- RECEIVED, APPLIED, REFUSED
    outcome      VARCHAR(60),
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   VARCHAR(500),
    received_at  TIMESTAMPTZ  NOT NULL,
    applied_at   TIMESTAMPTZ
);
CREATE INDEX provider_callback_open ON provider_callback (id) WHERE status = 'RECEIVED';

-- The buyer's verdict on the goods, set once under the deal's lock: accept, dispute or silence.
ALTER TABLE deal ADD COLUMN buyer_verdict VARCHAR(12); -- ACCEPTED, DISPUTED, TIMED_OUT: the first one wins
