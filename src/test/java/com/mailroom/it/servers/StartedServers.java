package com.mailroom.it.servers;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One started server per kind for the whole test run: the first test class that needs a kind starts it, every later
 * class of that kind shares it, and JUnit closes it when the run ends (the root context's store). A server that
 * failed to start is not tried again: every class of its kind fails with the same cause. A JVM shutdown hook stops
 * whatever is still running if the run is cut short.
 */
public final class StartedServers implements ParameterResolver {

    private static final ExtensionContext.Namespace SERVERS = ExtensionContext.Namespace.create(StartedServers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunsOn runsOn = context.getRequiredTestClass().getAnnotation(RunsOn.class);
        Kind kind = runsOn.value();
        Assumptions.assumeTrue(kind.chosen(), () -> kind.id() + " is not in -Dit.servers");
        return context.getRoot()
                .getStore(SERVERS)
                .getOrComputeIfAbsent(kind, Started::new, Started.class)
                .server();
    }

    /** A kind's server, or why it did not start; closed once, at the end of the run or the JVM. */
    static final class Started implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Kind kind;
        private final ServerUnderTest server;
        private final RuntimeException failure;
        private final Thread hook;
        private boolean stopped;

        Started(Kind kind) {
            this.kind = kind;
            long start = System.nanoTime();
            ServerUnderTest started = null;
            RuntimeException failed = null;
            try {
                started = startedOnceMore(kind);
                System.out.printf(
                        "[servers] %s: Mailroom up in %d s at %s%n",
                        kind.description, (System.nanoTime() - start) / 1_000_000_000, started.url());
            } catch (RuntimeException e) {
                failed = e;
            }
            server = started;
            failure = failed;
            hook = new Thread(this::stop, "stop-" + kind);
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /**
         * A server that did not come up is started once more: Payara Micro restarts its HTTP listener for the
         * post-boot commands, and now and then the listener does not come back (its log: "Error adding HttpProbes.
         * NetworkListener http-listeners GrizzlyProxy is NULL"), a race in Payara's start that fails every class of
         * the kind otherwise.
         */
        private static ServerUnderTest startedOnceMore(Kind kind) {
            try {
                return kind.start.get();
            } catch (RuntimeException first) {
                System.out.printf("[servers] %s did not start, starting it once more: %s%n", kind.description, first);
                return kind.start.get();
            }
        }

        ServerUnderTest server() {
            if (failure != null) {
                throw new IllegalStateException(kind.description + " did not start", failure);
            }
            return server;
        }

        @Override
        public synchronized void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook runs
            }
            stop();
        }

        private synchronized void stop() {
            if (server != null && !stopped) {
                stopped = true;
                server.close();
            }
        }
    }
}
