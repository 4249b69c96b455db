package com.mailroom.sending.control;

import jakarta.mail.util.StreamProvider;
import java.util.logging.Logger;

/**
 * Names Angus Mail's stream provider in the system property Jakarta Mail 2.1 reads first. Without it,
 * {@code StreamProvider.provider()} runs a {@code ServiceLoader} lookup through the thread's context class loader on
 * every call, and writing one message calls it at least twice; in an application server that class loader searches
 * every jar of the application and the server, which cost more than rendering and sending the mail (about a fifth
 * of a delivery worker's time in the benchmark). With the property it is one cached class lookup. An operator's own
 * setting is kept, and nothing is set when Angus Mail is not there.
 */
final class StreamProviderPin {

    static final String PROPERTY = StreamProvider.class.getName();
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final Logger LOG = Logger.getLogger(StreamProviderPin.class.getName());

    private StreamProviderPin() {}

    static void pin() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> angus = Class.forName(ANGUS, false, loader != null ? loader : ClassLoader.getSystemClassLoader());
            if (StreamProvider.class.isAssignableFrom(angus)) {
                System.setProperty(PROPERTY, ANGUS);
            }
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            LOG.fine(() -> "Jakarta Mail's stream provider stays looked up per use: " + e);
        }
    }
}
