package org.w3id.copgraph.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the embedded TDB2 store when it has grown and nobody is writing. TDB2 only appends:
 * a write leaves behind the old copy of every block it touched, so the store grows with each
 * change and with each refresh of the derived graphs (at 10,000 CoPs one refresh of the network
 * metrics, whose closeness values move with almost any new tie, leaves about 340 MB) until it is
 * compacted. Compacting copies the live statements into a new generation and holds writers
 * meanwhile (65 s at 10,000 CoPs on two cores), so it waits for a quiet spell: the store grown to
 * {@link Policy#whenGrown} times its compacted size and no write for {@link Policy#afterIdle}. A
 * store written to so often that it never has a quiet spell is compacted anyway once it reaches
 * {@link Policy#regardless} times that size: a writer kept waiting once beats a full disk.
 */
public final class CompactionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompactionSchedule.class);

    /**
     * When to compact.
     *
     * @param whenGrown  compact once the store is this many times its size after the last compaction
     *                   (or at opening) and idle; 0 never compacts on a schedule
     * @param afterIdle  the quiet spell: no write (of the data or of a derived graph) for this long
     * @param regardless compact at this growth even when not idle
     */
    public record Policy(double whenGrown, Duration afterIdle, double regardless) {

        public static final Policy DEFAULT = new Policy(1.25, Duration.ofMinutes(5), 2.0);
        public static final Policy NEVER = new Policy(0, Duration.ZERO, 0);

        public Policy {
            if (whenGrown != 0 && !(whenGrown > 1)) {
                throw new IllegalArgumentException("The growth that triggers a compaction is a factor above 1 (such as 1.25),"
                        + " or 0 for never; got " + whenGrown);
            }
            if (afterIdle == null || afterIdle.isNegative()) {
                throw new IllegalArgumentException("The quiet spell before a compaction is a duration of 0 or more");
            }
            regardless = whenGrown == 0 ? 0 : Math.max(regardless, whenGrown);
        }

        /** As this, compacting at {@code factor} times the compacted size (0: never). */
        public Policy withWhenGrown(double factor) {
            return new Policy(factor, afterIdle, factor == 0 ? 0 : Math.max(regardless, factor));
        }

        public Policy withAfterIdle(Duration idle) {
            return new Policy(whenGrown, idle, regardless);
        }

        /** Whether a store of {@code bytes}, {@code compacted} after its last compaction and idle for {@code idle}, is due. */
        boolean due(long bytes, long compacted, Duration idle) {
            if (whenGrown == 0 || compacted <= 0) {
                return false;
            }
            return bytes > compacted * regardless || (bytes > compacted * whenGrown && idle.compareTo(afterIdle) >= 0);
        }
    }

    /** How often the store's size is looked at (a walk of its few dozen files). */
    static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private final Store store;
    private final Policy policy;
    private final ScheduledExecutorService timer;

    private CompactionSchedule(Store store, Policy policy, ScheduledExecutorService timer) {
        this.store = store;
        this.policy = policy;
        this.timer = timer;
    }

    /** A schedule that is only asked ({@link #compactIfDue()}), for tests and one-off commands. */
    public static CompactionSchedule of(Store store, Policy policy) {
        return new CompactionSchedule(store, policy, null);
    }

    /** Looks at the store every {@link #CHECK_EVERY} on a background thread of its own; nothing for a remote store. */
    public static CompactionSchedule start(Store store, Policy policy) {
        if (store.localDirectory() == null || policy.whenGrown() == 0) {
            return of(store, Policy.NEVER);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-compaction");
            t.setDaemon(true);
            return t;
        });
        CompactionSchedule schedule = new CompactionSchedule(store, policy, timer);
        long every = CHECK_EVERY.toMillis();
        timer.scheduleWithFixedDelay(schedule::checkQuietly, every, every, TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** Compacts now if the store is due (see {@link Policy}); true if it did. */
    public boolean compactIfDue() {
        if (store.localDirectory() == null || !policy.due(store.onDiskBytes(), store.compactedBytes(), store.sinceLastWrite())) {
            return false;
        }
        store.compact();
        return true;
    }

    private void checkQuietly() {
        try {
            compactIfDue();
        } catch (RuntimeException e) {
            // The store stays as it was (TDB2 compacts into a new directory and switches at the end).
            LOG.warn("Store not compacted; trying again at the next check", e);
        }
    }

    /** Stops looking, waiting for a compaction under way to finish (the store cannot close amid one). */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("A store compaction is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
