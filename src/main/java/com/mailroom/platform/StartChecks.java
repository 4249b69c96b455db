package com.mailroom.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Stops the deployment when the database cannot be used — e.g. a second node on another node's embedded H2 file —
 * instead of a running server whose every request fails: the first CDI start-up event waits for the migration and
 * passes its failure on, with the message that names the setting to change. Once the database is there, the data
 * directory's files are made owner-only.
 */
@ApplicationScoped
public class StartChecks {

    @Inject
    Database database;

    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            database.ready();
            DataDirectory.restrictFiles();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains(DataDirectory.KEY)) {
                    throw new IllegalStateException(t.getMessage(), e);
                }
            }
            throw e;
        }
    }
}
