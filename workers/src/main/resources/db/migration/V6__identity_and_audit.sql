-- Keycloak is the identity provider; we link our profile to its subject on first login.
ALTER TABLE app_user ADD COLUMN idp_subject VARCHAR(64) UNIQUE;
-- Credentials now live in Keycloak only.
ALTER TABLE app_user DROP COLUMN password_hash;

-- Audit trail: who did what, when, from where, on which object. Append-only.
CREATE TABLE audit_event (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(254) NOT NULL,
    action      VARCHAR(120) NOT NULL,
    object_type VARCHAR(40),
    object_id   VARCHAR(64),
    outcome     VARCHAR(20)  NOT NULL,       -- ALLOWED, REFUSED, FAILED
    http_status INT,
    remote_addr VARCHAR(64),
    detail      VARCHAR(500)
);
CREATE INDEX ix_audit_time ON audit_event (occurred_at DESC);
CREATE INDEX ix_audit_actor ON audit_event (actor, occurred_at DESC);

CREATE FUNCTION audit_forbid_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER tr_audit_immutable BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_forbid_change();
