/**
 * Rate limit for saving and testing the SMTP settings (manual point 7): per admin and per instance, in a sliding
 * window ({@code mailroom.rate-limit.*}, default 5 per admin and 20 in all per 60 s). Saves and tests count
 * together; a refused attempt is not counted, so waiting the announced {@code Retry-After} always helps.
 * Decision: the limit is per node (in memory), as the manual says "per instance"; a restart forgets it.
 */
package com.mailroom.ratelimit;
