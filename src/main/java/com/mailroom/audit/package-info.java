/**
 * The audit trail (issue 14 item 9, docs/api.md "Audit trail", docs/pages.md "Audit"): who changed the mail server,
 * when and from where. Logins (succeeded, failed, locked), settings saved and tested, users created, changed, removed
 * and unlocked, API credentials created, mails resent — each with the actor, the time, the client's address and the
 * node. {@code boundary.AuditTrail} writes and lists; {@code GET /api/v1/audit} and the Audit page read.
 * <p>
 * Decisions:
 * <ul>
 * <li>Dependencies point down: users, settings and delivery call the trail; the trail knows none of them. The kinds
 *     ({@code entity.AuditKind}) are the trail's own list.</li>
 * <li>No secret's value, ever: a settings save names the changed fields ({@code password} when it was replaced),
 *     a user change names its fields, a credential its client id; the callers build details from names, never from
 *     submitted values, so there is nothing to redact.</li>
 * <li>Transactions per event: a change and its entry commit together ({@code recordWithChange}: settings saved,
 *     users, credentials, resends), so a refused or rolled-back change leaves no entry; logins and tests are written
 *     on their own ({@code record}, REQUIRES_NEW), since a failure or a refusal is the event itself.</li>
 * <li>Actor and client come from the request being served ({@code control.CurrentRequest}: the container's
 *     request-scoped HttpServletRequest bean, and {@code platform.ClientAddress} for trusted proxies), so the REST
 *     resources and backing beans stay as thin as they were. The authentication mechanism, which runs before the
 *     request is the application's, passes them itself.</li>
 * <li>Not flooding: Basic authentication comes with every API call, so a Basic login is written only when its
 *     password was really checked, not when the recent-logins cache answered; bearer-token calls are not written;
 *     lockout refusals (which cost the caller nothing) once per account and address a minute per node.</li>
 * <li>Retention: {@code mailroom.audit.retention-days} (default 365); every node deletes older entries at start and
 *     hourly with one indexed DELETE — idempotent, so no node needs choosing.</li>
 * <li>Ids are UUIDs and times TIMESTAMP WITH TIME ZONE (V8__audit.sql), portable to H2 and PostgreSQL; newest first
 *     by time, then id.</li>
 * </ul>
 */
package com.mailroom.audit;
