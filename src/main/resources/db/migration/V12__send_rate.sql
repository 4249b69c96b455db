-- Provider send-rate limits (issue 16 item 4; docs/operations.md "Send rate").

-- "Maximum mails per minute" of the SMTP settings: null is unlimited.
ALTER TABLE smtp_settings ADD COLUMN max_mails_per_minute INTEGER;

-- One row all nodes coordinate sending through. Limited claims lock it (so the nodes' claims under a limit take
-- turns); server/backoff_until/backoff_ms say that server (host:port) asked to slow down: no claims for it until then.
CREATE TABLE send_gate (
    id            INTEGER PRIMARY KEY,
    server        VARCHAR(300),
    backoff_until TIMESTAMP WITH TIME ZONE,
    backoff_ms    BIGINT NOT NULL,
    CONSTRAINT send_gate_single_row CHECK (id = 1)
);
INSERT INTO send_gate (id, backoff_ms) VALUES (1, 0);

-- The claims made under a limit, while they count: in flight (ended_at null, until their lease) or ended in the
-- last minute. mails: those claimed, then those that went over the wire. Written only while a limit is set.
CREATE TABLE send_window (
    claim_token VARCHAR(36) PRIMARY KEY,
    mails       INTEGER NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE
);
