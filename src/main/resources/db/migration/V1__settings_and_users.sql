-- Portable SQL: runs on the embedded H2 file and on PostgreSQL.

-- Ciphertext columns hold base64 of the UTF-8 secret at its longest (4 bytes a character) plus nonce and tag.
-- The single row of SMTP settings an admin edits (id = 1); version is the optimistic lock and the ETag.
CREATE TABLE smtp_settings (
    id                INTEGER PRIMARY KEY,
    version           BIGINT        NOT NULL,
    default_smtp      BOOLEAN       NOT NULL,
    address           VARCHAR(253),
    port              INTEGER,
    from_address      VARCHAR(320),
    user_name         VARCHAR(320),
    password_enc      VARCHAR(8192),
    tls_mode          VARCHAR(16)   NOT NULL,
    tls_version       VARCHAR(32)   NOT NULL,
    trusted_ca_pem    VARCHAR(65536),
    auth_type         VARCHAR(16)   NOT NULL,
    auth_mechanism    VARCHAR(16)   NOT NULL,
    client_id         VARCHAR(256),
    client_secret_enc VARCHAR(32768),
    token_endpoint    VARCHAR(2048),
    scopes            VARCHAR(1024),
    updated_at        TIMESTAMP WITH TIME ZONE,
    updated_by        VARCHAR(64),
    CONSTRAINT smtp_settings_single_row CHECK (id = 1)
);

INSERT INTO smtp_settings (id, version, default_smtp, port, tls_mode, tls_version, auth_type, auth_mechanism)
VALUES (1, 0, TRUE, 587, 'STARTTLS', 'TLSv1_2', 'NONE', 'AUTO');

-- a sequence rather than IDENTITY: EclipseLink's H2 platform still asks H2 2.x for the removed IDENTITY()
CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE app_user (
    id            BIGINT       PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    email         VARCHAR(320),
    password_hash VARCHAR(512) NOT NULL,
    admin         BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_username_unique UNIQUE (username)
);

-- API client credentials (POST /api/v1/users/me/api_credentials); only a hash of the secret is kept.
CREATE TABLE api_credential (
    client_id   VARCHAR(64)  PRIMARY KEY,
    user_id     BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    secret_hash VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bearer tokens from POST /api/4.0/login; only a hash of the token is kept.
CREATE TABLE api_token (
    token_hash VARCHAR(128) PRIMARY KEY,
    user_id    BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX api_token_expires ON api_token (expires_at);
