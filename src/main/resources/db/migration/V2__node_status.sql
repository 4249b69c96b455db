-- The SMTP status of each node (SPEC §2 "Status per cluster node"), shared through the database.
CREATE TABLE node_status (
    hostname   VARCHAR(255) PRIMARY KEY,
    is_valid   BOOLEAN      NOT NULL,
    message    VARCHAR(2000),
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
