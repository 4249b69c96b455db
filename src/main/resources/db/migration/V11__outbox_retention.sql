-- The outbox's retention (issue 16 item 3): a sent mail's bodies and attachments are dropped after
-- mailroom.outbox.retention-days, its row after mailroom.outbox.purge-days; failed mails are kept until resent or
-- removed by an admin. Portable SQL (H2, PostgreSQL).
-- content_purged_at: when the content (outbound_content, outbound_attachment rows) was dropped; null while it is kept.
ALTER TABLE outbound_mail ADD COLUMN content_purged_at TIMESTAMP WITH TIME ZONE;

-- What the periodic retention walks: sent mails whose content is still kept (content_purged_at IS NULL) by sent_at,
-- and mails whose content was dropped by when. Only written when a mail is queued, sent and dropped (not at each
-- claim or retry, as the due index is), so it costs delivery one index entry per mail and one update.
CREATE INDEX outbound_mail_retention ON outbound_mail (content_purged_at, sent_at);

-- The listings (GET /api/v1/mail, the Outbox page's failed mails), newest first, stay a walk of one index however
-- many sent mails the table holds: H2 reads an index in its own order only, so these are descending; the ascending
-- outbound_mail_created of V3 made H2 sort the whole table for each page.
DROP INDEX outbound_mail_created;
CREATE INDEX outbound_mail_created ON outbound_mail (created_at DESC);
CREATE INDEX outbound_mail_status_created ON outbound_mail (status, created_at DESC);
