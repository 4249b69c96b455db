-- The claim-token index goes (issue 16 item 1): a worker reads its claimed mails back by their ids, which it already
-- has, through the primary key (by the token, H2 chose a full table scan once its statistics saw mostly empty
-- tokens), and writes them back by id and token. No query needs the index any more, and an UPDATE on H2 removes
-- and re-adds a row in every index of its table: claiming and writing back paid for it on every mail.
DROP INDEX outbound_mail_claim;
