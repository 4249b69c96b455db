-- Failed logins (issue 14 item 1), shared by every node so that a cluster does not multiply an attacker's attempts
-- and an admin's unlock reaches every node. subject: 'account:<lower-case name or client id>' or 'address:<ip>'.
-- Times are epoch milliseconds (compared, never shown). A row exists only while there are recent failures; a successful login removes its account's row.
CREATE TABLE login_failure (
    subject         VARCHAR(300) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_ms BIGINT       NOT NULL,
    locked_until_ms BIGINT       NOT NULL
);
