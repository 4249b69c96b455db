/**
 * The SMTP settings an admin edits (manual points 1–6, SPEC §1–2, §4 "Settings").
 * <p>
 * {@code boundary.SmtpSettingsAdmin} is the one way in, for the REST API and the Admin › SMTP page alike: view,
 * save (validation, re-entry rule, rate limit, optimistic lock) and send the test mail. {@code control} holds the
 * rules as plain, unit-tested code: {@code SettingsRules} (every field), {@code MailAddress} (the From rule),
 * {@code ReentryRule} and {@code SettingsCheck} (stored secrets never follow a changed destination),
 * {@code SecretCipher}/{@code SecretKeys} (AES-256-GCM at rest). {@code entity.SmtpSettings} is a single row.
 * <p>
 * Decisions:
 * <ul>
 * <li>PUT merges: present fields replace, absent ones keep; for secrets null keeps, "" clears. The If-Match header
 *     (or the body's {@code version}, or else the version the merge started from) must match: 412 otherwise.</li>
 * <li>The port is stored as the effective port (an empty port becomes the TLS mode's default).</li>
 * <li>A destination change drops a stored secret even when the new settings do not need it (no dormant secret can
 *     come back for the new destination); when they do need it, the save is a 422 on that field.</li>
 * <li>The From display name may hold letters, digits, spaces and {@code . - '}; other special characters are
 *     refused, as the manual asks. A trusted CA change is not a destination change (the spec's list is followed).</li>
 * <li>Unknown JSON fields are refused (422), so a misspelt field is never silently ignored.</li>
 * </ul>
 */
package com.mailroom.settings;
