-- The outbox (delivery component): every mail handed to Mailroom, stored before it is accepted.
-- Portable SQL: runs on the embedded H2 file and on PostgreSQL. Ids are UUIDs (no IDENTITY, see V1).
-- TEXT is unbounded in both (a CLOB in H2); attachments are kept as the base64 text they arrive in, since the two
-- databases share no large binary type (H2's BYTEA is limited to 1 MB, PostgreSQL has no BLOB).
CREATE TABLE outbound_mail (
    id              VARCHAR(36)    PRIMARY KEY,
    status          VARCHAR(16)    NOT NULL,
    category        VARCHAR(32)    NOT NULL,
    to_addresses    VARCHAR(40000) NOT NULL,
    cc_addresses    VARCHAR(40000) NOT NULL,
    bcc_addresses   VARCHAR(40000) NOT NULL,
    subject         VARCHAR(1000)  NOT NULL,
    text_body       TEXT,
    html_body       TEXT,
    size_bytes      BIGINT         NOT NULL,
    attachment_count INTEGER       NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set while a worker holds the mail (status sending); an expired lease is claimed again (at-least-once)
    claim_token     VARCHAR(36),
    claimed_by      VARCHAR(255),
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outbound_mail_due ON outbound_mail (status, next_attempt_at);
CREATE INDEX outbound_mail_claim ON outbound_mail (claim_token);
CREATE INDEX outbound_mail_created ON outbound_mail (created_at);

CREATE TABLE outbound_attachment (
    mail_id        VARCHAR(36)  NOT NULL REFERENCES outbound_mail (id) ON DELETE CASCADE,
    seq            INTEGER      NOT NULL,
    filename       VARCHAR(255) NOT NULL,
    content_type   VARCHAR(255) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    content_base64 TEXT         NOT NULL,
    PRIMARY KEY (mail_id, seq)
);
