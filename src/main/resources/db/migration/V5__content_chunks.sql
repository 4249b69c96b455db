-- A mail's bodies and attachments leave the outbox row for rows of at most 256 Ki characters each (issue 14 item 6).
-- Why: H2's MVStore writes a changed row whole, and a 20 MiB body stored in the row (or as one CLOB) made a commit
-- allocate buffers of 100–200 MB; at -Xmx512m a handful of near-maximum mails ran the heap out and H2 closed the
-- database. Chunks keep every write small on H2 and PostgreSQL alike, and a status update no longer rewrites bodies.
-- part: 0 = text body, 1 = HTML body, 2 + n = attachment n's base64 content; seq orders a part's chunks.
CREATE TABLE outbound_content (
    mail_id VARCHAR(36) NOT NULL REFERENCES outbound_mail (id) ON DELETE CASCADE,
    part    INTEGER     NOT NULL,
    seq     INTEGER     NOT NULL,
    data    TEXT        NOT NULL,
    PRIMARY KEY (mail_id, part, seq)
);

-- Mails queued before this version move over as one chunk per part.
INSERT INTO outbound_content (mail_id, part, seq, data)
    SELECT id, 0, 0, text_body FROM outbound_mail WHERE text_body IS NOT NULL;
INSERT INTO outbound_content (mail_id, part, seq, data)
    SELECT id, 1, 0, html_body FROM outbound_mail WHERE html_body IS NOT NULL;
INSERT INTO outbound_content (mail_id, part, seq, data)
    SELECT mail_id, 2 + seq, 0, content_base64 FROM outbound_attachment;

ALTER TABLE outbound_mail DROP COLUMN text_body;
ALTER TABLE outbound_mail DROP COLUMN html_body;
ALTER TABLE outbound_attachment DROP COLUMN content_base64;
