package org.w3id.copgraph.queries;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.store.Store;

/**
 * Keeps the first pages of the curated queries computed for the current data version, in the
 * background: at start-up, and again once the data has stopped changing for a moment after a
 * change. Researchers then meet a computed answer even on a cold server; the work is done once
 * per data version, not once per visitor.
 */
public final class Precomputation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Precomputation.class);
    /** How often the data version is looked at; also how long it must stay put before work starts. */
    private static final long QUIET_MILLIS = 2000;

    private final CuratedQueries queries;
    private final Store store;
    private final Thread thread;
    private volatile Status status;

    /** What is computed: for which data version, how many pages of how many. */
    public record Status(String version, long ready, long of, boolean running) {
    }

    private Precomputation(CuratedQueries queries, Store store) {
        this.queries = queries;
        this.store = store;
        this.status = new Status(null, 0, queries.precomputable(), true);
        this.thread = new Thread(this::run, "curated-query-precomputation");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    public static Precomputation start(CuratedQueries queries, Store store) {
        Precomputation p = new Precomputation(queries, store);
        p.thread.start();
        return p;
    }

    public Status status() {
        return status;
    }

    private void run() {
        // Requests first (see Background): the lowest priority, and a pause between queries while they come.
        org.w3id.copgraph.Background.lowerThisThreadsPriority();
        String done = null;
        while (!closed && !Thread.currentThread().isInterrupted()) {
            try {
                String version = CuratedQueries.dataVersion(store);
                if (!version.equals(done)) {
                    if (done != null) {
                        // Curators often write in bursts: wait until the data stays put for a moment.
                        TimeUnit.MILLISECONDS.sleep(QUIET_MILLIS);
                        if (!version.equals(CuratedQueries.dataVersion(store))) {
                            continue;
                        }
                    }
                    status = new Status(version, 0, queries.precomputable(), true);
                    long t0 = System.nanoTime();
                    int ready = queries.precompute(store);
                    status = new Status(version, ready, queries.precomputable(), false);
                    LOG.info("Precomputed {} curated answers for data version {} in {} ms", ready, version,
                            (System.nanoTime() - t0) / 1_000_000);
                    done = version;
                }
                TimeUnit.MILLISECONDS.sleep(QUIET_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return; // the store was closed under a query of this thread: nothing to tell
                }
                // A store that cannot be read now may be readable later; /health says which.
                LOG.warn("Curated answers not precomputed: {}", e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(QUIET_MILLIS * 5);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Stops the thread and waits a while for a query under way, so that the store can be closed
     * after it. (An interrupt alone could be swallowed inside a query; the thread then went on,
     * logging "not precomputed" for the closed store every few seconds.)
     */
    @Override
    public void close() {
        stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the thread to stop, without waiting: a stopping server asks all its background work first. */
    public void stop() {
        closed = true;
        thread.interrupt();
    }

    private volatile boolean closed;
}
