package com.mailroom.delivery.control;

import com.mailroom.platform.NodeName;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's delivery workers ({@code mailroom.delivery.workers}, default 2): threads from the server's managed
 * thread factory, so they have the application's context (CDI, JNDI, transactions) and the server knows them. Each
 * loops: a round of {@link DeliveryRun}, then, with nothing due, a wait for a new mail or the poll interval. At
 * shutdown they finish the mail in hand; the rest of their batch goes back to the queue. At start-up, before they
 * run, whatever this node held when it last went down (killed, crashed) goes back to the queue at once.
 */
@Singleton
@Startup
@DependsOn("Database")
public class DeliveryWorkers {

    /** An SMTP connection idle this long is closed (servers allow minutes; a quiet outbox need not hold one). */
    static final long IDLE_CONNECTION_MS = 5_000;

    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class.getName());

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    Claims claims;

    @Inject
    DeliveryRun run;

    @Inject
    WorkSignal signal;

    @Inject
    DeliveryConfig config;

    @Inject
    Clock clock;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        int released = claims.releaseNode(NodeName.get(), OffsetDateTime.now(clock));
        if (released > 0) {
            LOG.warning(() -> released + " mail(s) this node was sending when it went down are queued again;"
                    + " receivers may get them twice (with the same Message-ID).");
        }
        for (int i = 1; i <= config.workers(); i++) {
            String name = NodeName.get() + "#" + i;
            Thread t = threadFactory.newThread(() -> loop(name));
            t.setName("mailroom-delivery-" + i);
            threads.add(t);
            t.start();
        }
        LOG.info(() -> "Mail delivery started with " + threads.size() + " worker(s).");
    }

    @PreDestroy
    void stop() {
        stopping = true;
        signal.signal();
        for (Thread t : threads) {
            try {
                t.join(15_000);
                if (t.isAlive()) {
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void loop(String name) {
        try (BatchSender sender = run.newSender()) {
            while (!stopping) {
                long seen = signal.generation();
                try {
                    if (!run.runOnce(name, sender, () -> stopping)) {
                        sender.closeIfIdle(IDLE_CONNECTION_MS);
                        signal.awaitAfter(seen, config.pollMs());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // e.g. the database is unreachable: say so (no mail content, no secrets), wait, try again
                    LOG.log(Level.WARNING, "Delivery round failed: " + e.getMessage(), e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.pollMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
