-- Which version of the SMTP settings each node's status describes: a node that has not checked the version in use
-- yet shows as "checking" on Admin › SMTP (null: not known, e.g. a row written by a delivery before any check).
ALTER TABLE node_status ADD COLUMN settings_version BIGINT;
