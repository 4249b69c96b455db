-- Scoped, expiring and revocable API credentials (issue 14 item 2; docs/api.md "Scopes").
-- Credentials issued before this version could do everything their user could: they become scope 'admin', so that
-- no integration breaks; an operator revokes them and issues send_mail ones (docs/api.md "Upgrading").
ALTER TABLE api_credential ADD COLUMN scope VARCHAR(16) DEFAULT 'admin' NOT NULL;
ALTER TABLE api_credential ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_credential ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_credential ADD COLUMN description VARCHAR(200);

-- A bearer token belongs to the credential it was issued for: it has that credential's scope, ends with it when it is
-- revoked (the row is deleted), and never outlives its expiry. Tokens from before this version cannot be traced to
-- their credential: they end here (they lived an hour at most); the programs log in again.
DELETE FROM api_token;
ALTER TABLE api_token ADD COLUMN client_id VARCHAR(64) NOT NULL
    REFERENCES api_credential (client_id) ON DELETE CASCADE;
CREATE INDEX api_token_client ON api_token (client_id);

-- Which credential queued a mail (null: a person, with a name and password): a send_mail credential reads only its own.
ALTER TABLE outbound_mail ADD COLUMN queued_by VARCHAR(64);
