package com.mailroom.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Runs background work every so often, once the schema is migrated, on a thread of the server's managed thread
 * factory (so it has the application's context: CDI, JNDI, transactions), like the delivery workers. A failing run
 * is logged and the next one still happens. Not the managed scheduled executor: Payara runs its repeated tasks with
 * an invocation context that a persistence context without a transaction trips over.
 */
@ApplicationScoped
public class Periodic {

    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Database database;

    /** A running repetition; {@link #stop()} ends it after the run in progress. */
    public static final class Repetition {
        private final Thread thread;
        private volatile boolean stopped;

        private Repetition(ManagedThreadFactory threads, String what, Duration period, Runnable work) {
            thread = threads.newThread(() -> {
                while (!stopped) {
                    try {
                        Thread.sleep(period.toMillis());
                        work.run();
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        LOG.warning(() -> what + " failed (the database?): " + e.getMessage());
                    }
                }
            });
            thread.setName("mailroom-" + what.toLowerCase(Locale.ROOT).replace(' ', '-'));
            thread.setDaemon(true);
            thread.start();
        }

        public void stop() {
            stopped = true;
            thread.interrupt();
        }
    }

    /** @param what names the work in the thread's name and in the log when a run fails */
    public Repetition every(Duration period, String what, Runnable work) {
        database.ready();
        return new Repetition(threads, what, period, work);
    }
}
