/**
 * Who may sign in, and how (docs/api.md "Authentication and roles", "Users and API credentials"; docs/product.md R20).
 * <p>
 * {@code boundary.Users} and {@code boundary.ApiAccess} (client credentials and the bearer tokens of
 * {@code POST /api/4.0/login}); {@code control.MailroomAuthentication} is the application's one Jakarta Security
 * mechanism (Basic and bearer tokens for the API, form login with a session for the pages);
 * {@code control.BootstrapAdmin} creates the first admin.
 * <p>
 * Decisions:
 * <ul>
 * <li>Passwords: PBKDF2-HMAC-SHA512, 210,000 iterations, 32-byte salt (Jakarta Security's Pbkdf2PasswordHash).
 *     A successful Basic login is remembered for 5 minutes as a keyed hash ({@code RecentLogins}), so API clients
 *     using Basic per request do not pay 0.3 s each time.</li>
 * <li>API secrets and tokens are random 256-bit values, stored as SHA-256 only; tokens live one hour.</li>
 * <li>A session cookie never authenticates an API call (no CSRF on the API); the session is renewed at login.</li>
 * <li>Roles are the groups {@code admin} and {@code user}; web.xml requires {@code admin} for /api/v1, /api/4.0
 *     (except login) and /admin.</li>
 * </ul>
 */
package com.mailroom.users;
