package com.mailroom.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Wakes idle workers when a mail was queued on this node, so it leaves within milliseconds instead of at the next
 * poll. Other nodes find it at their next poll. A generation counter instead of a bare notify: a mail queued while
 * a worker was still looking is not missed.
 */
@ApplicationScoped
public class WorkSignal {

    private final Object lock = new Object();
    private long generation;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued mail) {
        signal();
    }

    public void signal() {
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    public long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Waits until something was signalled after {@code seen}, at most {@code ms}. */
    public void awaitAfter(long seen, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        synchronized (lock) {
            long left;
            while (generation == seen && (left = (end - System.nanoTime()) / 1_000_000) > 0) {
                lock.wait(left);
            }
        }
    }
}
