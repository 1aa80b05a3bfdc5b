-- Process studio (docs/studio.md): every deployed version of every model, and analysts' drafts.

-- One row per deployed process, decision or form version (start-up and studio deployments alike).
CREATE TABLE studio_version (
    definition_key BIGINT       PRIMARY KEY,   -- process definition / decision / form key
    resource_name  VARCHAR(200) NOT NULL,      -- file name, e.g. escrow-fee.dmn
    kind           VARCHAR(10)  NOT NULL,      -- PROCESS, DECISION, FORM
    model_id       VARCHAR(200) NOT NULL,      -- bpmnProcessId, decision id or form id
    version        INT          NOT NULL,
    version_tag    VARCHAR(100),
    deployed_by    VARCHAR(254) NOT NULL,      -- e-mail of the approving admin, or 'start-up'
    deployed_at    TIMESTAMPTZ  NOT NULL,
    content        TEXT         NOT NULL,      -- the file as the analyst saw it (before any single-node conversion)
    draft_id       BIGINT,                     -- the approved draft, null for start-up deployments
    disk_sha256    VARCHAR(64)                 -- the shipped file's hash when a draft was approved (reconcile rule)
);
CREATE INDEX ix_studio_version_resource ON studio_version (resource_name, deployed_at DESC);

CREATE TABLE studio_draft (
    id                   BIGSERIAL    PRIMARY KEY,
    resource_name        VARCHAR(200) NOT NULL,
    content              TEXT         NOT NULL,
    base_definition_key  BIGINT,                -- the version the draft started from
    author               VARCHAR(254) NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    comment              VARCHAR(500),
    status               VARCHAR(12)  NOT NULL, -- DRAFT, SUBMITTED, APPROVED, REJECTED, DISCARDED
    submit_reason        VARCHAR(500),
    submitted_at         TIMESTAMPTZ,
    approval_instance    BIGINT,                -- studio-approval process instance
    reviewer             VARCHAR(254),
    reviewed_at          TIMESTAMPTZ,
    review_reason        VARCHAR(500),
    approved             BOOLEAN,
    deployed_key         BIGINT,
    CONSTRAINT ck_studio_reviewer_not_author CHECK (reviewer IS NULL OR reviewer <> author)
);
CREATE INDEX ix_studio_draft_status ON studio_draft (status, updated_at DESC);
