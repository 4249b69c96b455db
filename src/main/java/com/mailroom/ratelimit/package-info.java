/**
 * Rate limit for saving and testing the SMTP settings (docs/product.md): per admin and per instance, in a sliding
 * window ({@code mailroom.rate-limit.*}, default 5 per admin and 20 in all per 60 s). Saves and tests count
 * together; a refused attempt is not counted, so waiting the announced {@code Retry-After} always helps.
 * <p>
 * Decision: "instance" is the installation as its admins see it, every node of a cluster together, so the attempts
 * are counted in the database the nodes share ({@code rate_limit_hit}, serialised by locking one row of
 * {@code rate_limit_lock}) — an engine every node already has, on Payara and WildFly alike, that survives restarts
 * and needs no data grid. Payara's Hazelcast would work on Payara only. Saves and tests are rare (a few a minute at
 * most), so one lock for all of them costs nothing that matters.
 */
package com.mailroom.ratelimit;
