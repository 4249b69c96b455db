/**
 * Delivery: every mail the application sends (new users, password resets, admin notifications, content deliveries)
 * passes through a durable outbox and leaves through the current SMTP settings (docs/api.md "Mail", docs/product.md
 * R15–R19).
 * <p>
 * {@code boundary.Outbox} queues (for code inside the application, and for {@code POST /api/v1/mail} and
 * {@code POST /api/v1/mail/batch}), looks up,
 * lists, counts and resends; {@code control.DeliveryWorkers} run {@code control.DeliveryRun} rounds: claim a batch,
 * send it over one SMTP connection ({@code control.BatchSender}), write the outcomes back, feed the SMTP status.
 * <p>
 * Decisions:
 * <ul>
 * <li><b>Accepted means stored.</b> A mail is validated, persisted and committed before 202 is answered; any rule
 *     broken → 422 naming the field, nothing stored. Addresses, subject, file names and content types with a line
 *     break or other control character are refused (no header injection); recipients are {@code a@b.c} or
 *     {@code Name <a@b.c>} as for From; at most 100 recipients, 50 attachments, {@code mailroom.mail.max-size-bytes}
 *     (25 MiB) of content, and the request body of {@code POST /api/v1/mail} alone may be that large.</li>
 * <li><b>Batches are one transaction.</b> {@code queue(List)} checks every mail, then stores all of them in the
 *     caller's transaction (or its own): all or none. {@code POST /api/v1/mail/batch} calls it once per request,
 *     so its 202 comes after the one commit for all its mails (at most {@code mailroom.mail.batch-max}, 1000), and
 *     its body has the single mail's limit: a batch costs the heap what one largest mail does.</li>
 * <li><b>Storage.</b> Portable SQL (V3__outbox.sql): UUID keys (version 7, time first: mails queued together are
 *     neighbours in the B-trees, so a batch's commit rewrites few pages), bodies and attachments in TEXT (attachments as
 *     base64: H2 and PostgreSQL share no large binary type). The boundary maps the table with JPA; the workers'
 *     hot path uses plain SQL ({@code ClaimSql}) so that its race safety is unit-tested against H2.</li>
 * <li><b>Claiming.</b> Select due candidates, then one conditional {@code UPDATE … SET status='sending',
 *     claim_token, claimed_by, lease_until, attempts+1 WHERE id IN (…) AND still due}; each worker reads back,
 *     by id, the rows with its own token. A claim, and a batch's write-back, is one local JDBC transaction
 *     ({@code LocalTransactions}), committed to the disk before the worker goes on. Both databases re-check an UPDATE's condition after waiting for a row lock, so
 *     two workers or nodes never hold the same mail. No {@code FOR UPDATE SKIP LOCKED}: H2 2.2 parses it but
 *     applies the row limit before skipping, which starves the second worker. The workers of a node take turns
 *     claiming (no queueing on each other's row locks). A lease (5 min) that runs out (a node died mid-send)
 *     makes the mail due again: at-least-once, with the same Message-ID ({@code <id@from-domain>}) for receivers
 *     to recognise a repeat. A batch stops starting mails at half its lease and hands the rest back.</li>
 * <li><b>One connection per batch.</b> Connect, TLS and AUTH once, then MAIL/RCPT/DATA per mail; reconnect only
 *     when the connection broke (no reply, or 421), and then send the interrupted mail once more.</li>
 * <li><b>Transient vs permanent.</b> 5xx to MAIL FROM, RCPT TO or DATA fails the mail at once with the server's
 *     reply. Everything else is retried with exponential back-off and equal jitter ({@code retry-base-ms} 30 s
 *     doubling up to {@code retry-max-ms} 1 h) until {@code max-attempts} (8): no connection, timeouts, TLS, 4xx,
 *     and failed logins (the admin fixes the settings; the mail must not be lost meanwhile). A claim counts as an
 *     attempt, so a mail that crashes its node cannot loop for ever.</li>
 * <li><b>Partly refused recipients.</b> Sent to those the server accepted ({@code mail.smtp.sendpartial}); the
 *     mail counts as sent and keeps the refused recipients with the server's replies as its last error. They are
 *     not retried: retrying the mail would send it again to everyone who already has it. A mail whose recipients
 *     are all refused fails (5xx) or is retried (4xx) as a whole.</li>
 * <li><b>SMTP status.</b> A failure the settings caused (dns, connect, tls, token, auth, timeout, a refused sender)
 *     marks this node invalid with the stage, reply and hint; the next delivered mail clears it.</li>
 * <li><b>OAuth.</b> The settings component says where a batch goes ({@code Destinations.current()}) and runs it
 *     with the access token ({@code Conversations.run}, shared with the test mail and the check): a 535 at AUTH
 *     evicts the token and the batch is tried once more with a fresh one; a token failure is a transient failure
 *     at stage token. {@code RetryPolicy} decides what becomes of each mail.</li>
 * <li><b>Send rate and throttling</b> (docs/product.md R18a, docs/operations.md "Send rate"). Shared through the
 *     database, not per node: a claim under "maximum mails per minute" locks the {@code send_gate} row and takes at
 *     most the limit minus the mails counted in {@code send_window} (in flight, or written back within the minute),
 *     a sliding minute rather than a token bucket, which would let twice the limit through in some 60 s. Without a
 *     limit nothing is written or locked; a claim that finds mail reads the gate row once (a server's back-off).
 *     A "slow down" reply ({@code sending.control.SlowDown}) stops the batch, hands it back without counting the
 *     attempt, and holds every claim for that server for a back-off (30 s doubling to 15 min, reset by a batch that
 *     gets through): throttled mails wait, they never fail for it. A 421 that says so is not a broken connection
 *     to retry at once.</li>
 * <li><b>Workers.</b> {@code mailroom.delivery.workers} (2) threads from the managed thread factory, woken after each
 *     commit of a queued mail on this node, polling every {@code poll-ms} (1 s) otherwise; batches of
 *     {@code batch-size} (200).</li>
 * </ul>
 */
package com.mailroom.delivery;
