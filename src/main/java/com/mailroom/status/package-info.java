/**
 * The SMTP error state (docs/product.md, "Status"): whether mail works from each node.
 * <p>
 * {@code boundary.SmtpStatus} (EJB singleton, write-locked updates) keeps this node's row in the database, so it
 * survives restarts and every admin on every node sees it. The settings' background check after each save and at
 * start-up, tests of the saved settings and deliveries record into it; a later success clears it. It knows neither
 * settings nor SMTP: callers say whether it worked and why not; the settings component adds whether the default or
 * custom settings are in use and reports it on {@code /health/ready}.
 * <p>
 * Each row also records the settings version its last check looked at ({@code boundary.SmtpStatus#checks}): the
 * page shows a node that has not checked the version in use as "checking" rather than its result about earlier
 * settings. The API's shape and meaning stay as they were.
 * <p>
 * Decisions: a save deletes the other nodes' rows (they describe settings that are gone) and they report again with
 * their next check or delivery; refused recipients or messages ({@code rcpt_to}, {@code data}) do not make the
 * settings invalid; an older result never overwrites a newer one.
 */
package com.mailroom.status;
