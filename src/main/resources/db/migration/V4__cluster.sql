-- What the nodes sharing one database coordinate through (portable: H2 and PostgreSQL, any Jakarta EE server).

-- The rate limit counts saves and tests of all nodes together: one row to lock, and the attempts in the window.
CREATE TABLE rate_limit_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO rate_limit_lock (id) VALUES (1);
CREATE TABLE rate_limit_hit (
    admin VARCHAR(255) NOT NULL,
    at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_limit_hit_at ON rate_limit_hit (at);

-- The nodes alive: each writes its heartbeat; a node whose heartbeat is old is gone (its claims are handed back).
CREATE TABLE cluster_node (
    name     VARCHAR(255) PRIMARY KEY,
    instance VARCHAR(36)  NOT NULL,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Proof of the key for secrets at rest: a node with another key cannot decrypt it and refuses to start.
CREATE TABLE secret_key_check (
    id         INTEGER PRIMARY KEY,
    ciphertext VARCHAR(200) NOT NULL
);
