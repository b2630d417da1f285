package org.w3id.copgraph.store;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one derived graph (network metrics, suggestions) in step with the data: a refresh on a
 * background thread of its own, one at a time, again when the data moved on meanwhile. The graph
 * is written with {@link Store#writeDerivedDiff}, which does not count as a change of the data, so a
 * refresh never asks for another.
 */
public final class DerivedGraphRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(DerivedGraphRefresh.class);

    private final String name;
    private final Supplier<Object> currentVersion;
    private final Supplier<Object> publishedVersion;
    private final BooleanSupplier refreshIfStale;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile boolean again;
    private volatile boolean closed;
    private volatile Thread worker;

    /**
     * @param name             the thread's name, and what a failure is logged as
     * @param currentVersion   the version of the data now
     * @param publishedVersion the version the graph was last written for
     * @param refreshIfStale   recomputes and rewrites the graph if it is stale (synchronised by the caller)
     */
    public DerivedGraphRefresh(String name, Supplier<Object> currentVersion, Supplier<Object> publishedVersion,
                               BooleanSupplier refreshIfStale) {
        this.name = name;
        this.currentVersion = currentVersion;
        this.publishedVersion = publishedVersion;
        this.refreshIfStale = refreshIfStale;
    }

    /**
     * Brings the graph up to date on a background thread, one refresh at a time: a request that
     * finds it stale starts this and goes on with its answer. The computing keeps to one core, so
     * requests keep the others.
     */
    public void refreshInBackground() {
        if (closed) {
            return;
        }
        if (!refreshing.compareAndSet(false, true)) {
            again = true;
            return;
        }
        Thread t = new Thread(() -> {
            // Requests first (see Background): the lowest priority, and no refresh begun amid requests.
            org.w3id.copgraph.Background.lowerThisThreadsPriority();
            try {
                do {
                    again = false;
                    pauseUntil(nextAllowed);
                    org.w3id.copgraph.Background.yieldToRequestsUninterruptibly();
                    if (closed) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    if (refreshIfStale.getAsBoolean()) {
                        long ended = System.nanoTime();
                        nextAllowed = ended + Math.min((ended - t0) * (BUSY_SHARE_DIVISOR - 1), MAX_PAUSE_NANOS);
                    }
                } while (!closed && (again || !isCurrent()));
            } catch (java.util.concurrent.CancellationException e) {
                LOG.info("Derived graph {} not published: the server is stopping (the next start derives it)", name);
            } catch (RuntimeException | Error e) {
                LOG.warn("Derived graph {} not published", name, e);
            } finally {
                refreshing.set(false);
            }
        }, name);
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    /**
     * A refresh takes at most one part in this many of the time: the next one begins no sooner
     * than (this − 1) times as long as the last took after it ended. A refresh takes cores from
     * requests and leaves TDB2 a copy of each block it rewrote; at 10,000 CoPs, where a new tie
     * moves most CoPs' closeness, back-to-back refreshes during a stream of changes (then written
     * in one transaction each) held the writer most of the time and grew the store by hundreds of
     * megabytes per change. They are now written in batches ({@link Store#writeDerivedDiff}). On a small graph (a refresh of a few hundred milliseconds) this is
     * no later than the ten seconds a change waits anyway.
     */
    static final long BUSY_SHARE_DIVISOR = 5;

    /**
     * The longest pause between two refreshes: the graph is never more than this (and a
     * refresh) behind the data. The first write of a large graph is long (771,078 metric
     * statements in 219 s at 10,000 CoPs), and the refreshes after it write only what changed.
     */
    static final long MAX_PAUSE_NANOS = TimeUnit.MINUTES.toNanos(10);

    /** System.nanoTime() before which the next refresh does not begin. */
    private volatile long nextAllowed = System.nanoTime();

    /** Waits until {@code deadline} (System.nanoTime()), or until closed. */
    private void pauseUntil(long deadline) {
        synchronized (this) {
            long left;
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Like {@link #refreshInBackground()}, a moment from now (after the change that asks commits). */
    public void refreshSoon() {
        // Ten seconds: a curator's burst of edits makes one refresh, not one each (every refresh
        // writes what changed, and TDB2 keeps the old copy of each block until compacted).
        CompletableFuture.delayedExecutor(10, TimeUnit.SECONDS).execute(this::refreshInBackground);
    }

    /** Whether the graph is of the current data version. */
    public boolean isCurrent() {
        return Objects.equals(currentVersion.get(), publishedVersion.get());
    }

    /**
     * Whether the refresh is asked to stop: the computing checks it between its units (a
     * projection's metrics, a CoP's suggestions) and ends with a
     * {@link java.util.concurrent.CancellationException}, and so does the write between batches
     * (see {@link Store#writeDerivedDiff}).
     */
    public boolean stopping() {
        return closed;
    }

    /** Throws a {@link java.util.concurrent.CancellationException} once {@link #stopping()}. */
    public void checkNotStopping() {
        if (closed) {
            throw new java.util.concurrent.CancellationException(name + " stopped: the server is stopping");
        }
    }

    /**
     * Asks the refresh to stop, without waiting for it: a server stopping asks every background
     * worker first, then waits for them ({@link #close()}), so the waits overlap rather than add up.
     */
    public void stop() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Stops refreshing and waits (a while) for a refresh under way, so that the store can be
     * closed: TDB2 refuses to close with a transaction open. The refresh ends at its next unit
     * of work or batch written ({@link #stopping()}).
     */
    public void close() {
        stop();
        Thread t = worker;
        if (t != null) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
