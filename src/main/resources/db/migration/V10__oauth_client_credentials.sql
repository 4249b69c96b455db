-- Issue 15: OAuth client authentication without client secrets. Portable SQL (H2 file and PostgreSQL).
-- oauth_client_auth: CLIENT_SECRET (as before), CERTIFICATE (Entra ID private_key_jwt), SERVICE_ACCOUNT (Google).
ALTER TABLE smtp_settings ADD COLUMN oauth_client_auth VARCHAR(16) DEFAULT 'CLIENT_SECRET' NOT NULL;
-- AES-GCM ciphertexts like password_enc: the certificate with its private key (JSON of the two PEM texts, each at
-- most 16384 characters) and a service account's JSON key (at most 16384 characters)
ALTER TABLE smtp_settings ADD COLUMN client_certificate_enc VARCHAR(65536);
ALTER TABLE smtp_settings ADD COLUMN service_account_key_enc VARCHAR(32768);
-- what the page and the API show of them: public facts, read when they were saved
ALTER TABLE smtp_settings ADD COLUMN certificate_subject VARCHAR(1024);
ALTER TABLE smtp_settings ADD COLUMN certificate_thumbprint VARCHAR(40);
ALTER TABLE smtp_settings ADD COLUMN certificate_not_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE smtp_settings ADD COLUMN service_account_client_id VARCHAR(64);
ALTER TABLE smtp_settings ADD COLUMN service_account_key_id VARCHAR(64);
