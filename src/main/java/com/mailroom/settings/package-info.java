/**
 * The SMTP settings an admin edits, and where mail goes because of them (docs/product.md R1–R12, docs/api.md
 * "Settings").
 * <p>
 * {@code boundary.SmtpSettingsAdmin} is the one way in, for the REST API and the Admin › SMTP page alike: view,
 * save (validation, re-entry rule, rate limit, saves taking turns), the test mail and the status for these settings.
 * {@code entity.SmtpConfig} is the settings' values, one type for the stored row ({@code entity.SmtpSettings}, a
 * single row), the form and the destination. {@code control} holds the rules as plain, unit-tested code:
 * {@code SettingsRules} (every field), {@code ReentryRule} and {@code SettingsCheck} (stored secrets never follow a
 * changed destination), {@code SecretCipher}/{@code SecretKeys} (AES-256-GCM at rest); and where mail goes:
 * {@code Destinations} (saved or unsaved settings, or the operator's {@code DefaultRelay}), {@code Conversations}
 * (a test mail, a check or a delivery batch there, with the OAuth 2.0 token retried once),
 * {@code BackgroundCheck} (after each save and at start-up). Other components send through these, never around them.
 * <p>
 * Decisions:
 * <ul>
 * <li>PUT merges: present fields replace, absent ones keep; for secrets null keeps, "" clears. Saves lock the
 *     settings row and apply their changes to the latest version, so concurrent saves take turns instead of failing
 *     each other; only an If-Match naming another version is a 412 (the page's Save sends the version it showed).
 *     The body's {@code version} is read-only.</li>
 * <li>The port is stored as the effective port (an empty port becomes the TLS mode's default).</li>
 * <li>A destination change drops a stored secret even when the new settings do not need it (no dormant secret can
 *     come back for the new destination); when they do need it, the save is a 422 on that field.</li>
 * <li>The From display name may hold letters, digits, spaces and {@code . - '}; other special characters are
 *     refused, as the manual asks. A trusted CA change is not a destination change (the spec's list is followed).</li>
 * <li>Unknown JSON fields are refused (422), so a misspelt field is never silently ignored.</li>
 * </ul>
 */
package com.mailroom.settings;
