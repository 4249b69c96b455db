-- The audit trail (issue 14 item 9): who did what, when, from where and on which node. Portable SQL (H2, PostgreSQL);
-- ids are UUIDs as in V3. Never holds a secret's value: details name changed fields, client ids, destinations.
-- Entries older than mailroom.audit.retention-days are deleted by a periodic task (the index on at keeps it cheap).
CREATE TABLE audit_entry (
    id     VARCHAR(36)   PRIMARY KEY,
    at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor  VARCHAR(255)  NOT NULL,
    kind   VARCHAR(32)   NOT NULL,
    detail VARCHAR(2000) NOT NULL,
    client VARCHAR(64),
    node   VARCHAR(255)  NOT NULL
);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_kind_at ON audit_entry (kind, at);
CREATE INDEX audit_entry_actor_at ON audit_entry (actor, at);
