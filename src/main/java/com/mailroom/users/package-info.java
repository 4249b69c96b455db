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
 * <li>There is always an admin. Demoting and removing lock every user's row in the order of their ids before the
 *     rule "another admin remains" is checked, so two admins acting on each other at once take turns and the second
 *     is refused (409). Locking all rows rather than a lock row of its own: no migration, and there are few users.</li>
 * <li>Removing a user deletes their API credentials and tokens with them; a page session re-reads its user by name
 *     and id on every request, so it ends too (also when someone else is added under the same name later). The
 *     username never changes: it names the user in sessions, settings ("updated by") and the rate limit.</li>
 * <li>Roles are the groups {@code admin} and {@code user}; web.xml requires {@code admin} for /api/v1, /api/4.0
 *     (except login) and /admin.</li>
 * </ul>
 */
package com.mailroom.users;
