package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A derived graph's refreshes take at most a fifth of the time, so they neither hold the writer nor grow the store back to back. */
class DerivedGraphRefreshTest {

    /** A refresh that takes {@code millis} and records when it began and ended. */
    private static final class Slow {
        final AtomicInteger version = new AtomicInteger();
        volatile int published = -1;
        final List<long[]> runs = new CopyOnWriteArrayList<>();
        final long millis;

        Slow(long millis) {
            this.millis = millis;
        }

        boolean refresh() {
            int v = version.get();
            if (v == published) {
                return false;
            }
            long t0 = System.nanoTime();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published = v;
            runs.add(new long[]{t0, System.nanoTime()});
            return true;
        }
    }

    @Test
    void theNextRefreshWaitsFourTimesAsLongAsTheLastTook() throws Exception {
        Slow slow = new Slow(300);
        DerivedGraphRefresh refresh = new DerivedGraphRefresh("test-refresh", () -> slow.version.get(), () -> slow.published, slow::refresh);
        try {
            refresh.refreshInBackground();
            awaitRuns(slow, 1);
            slow.version.incrementAndGet();
            refresh.refreshInBackground();
            awaitRuns(slow, 2);
            long pause = slow.runs.get(1)[0] - slow.runs.get(0)[1];
            long took = slow.runs.get(0)[1] - slow.runs.get(0)[0];
            assertThat(pause).as("pause after a refresh of %d ms", TimeUnit.NANOSECONDS.toMillis(took))
                    .isGreaterThanOrEqualTo(took * (DerivedGraphRefresh.BUSY_SHARE_DIVISOR - 1) - TimeUnit.MILLISECONDS.toNanos(5));
            assertThat(refresh.isCurrent()).isTrue();
        } finally {
            refresh.close();
        }
    }

    @Test
    void closingEndsAPauseAtOnce() throws Exception {
        Slow slow = new Slow(2_000);
        DerivedGraphRefresh refresh = new DerivedGraphRefresh("test-refresh", () -> slow.version.get(), () -> slow.published, slow::refresh);
        refresh.refreshInBackground();
        awaitRuns(slow, 1);
        slow.version.incrementAndGet();
        refresh.refreshInBackground();
        long t0 = System.nanoTime();
        refresh.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("close during an 8 s pause").isLessThan(2_000);
        assertThat(slow.runs).hasSize(1);
    }

    @Test
    void closingEndsARefreshUnderWayAtItsNextUnitOfWork() throws Exception {
        DerivedGraphRefresh[] refresh = new DerivedGraphRefresh[1];
        AtomicInteger units = new AtomicInteger();
        int[] published = {-1};
        // Fifty units of 100 ms, the refresh's stop asked for between them (as MetricsGraph does
        // between projections and SuggestionsGraph between CoPs).
        refresh[0] = new DerivedGraphRefresh("test-refresh", () -> 1, () -> published[0], () -> {
            for (int i = 0; i < 50; i++) {
                refresh[0].checkNotStopping();
                units.incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            published[0] = 1;
            return true;
        });
        refresh[0].refreshInBackground();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (units.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long t0 = System.nanoTime();
        refresh[0].close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("close during a 5 s refresh").isLessThan(1_000);
        assertThat(units.get()).isLessThan(50);
        assertThat(refresh[0].isCurrent()).as("a refresh stopped part-way publishes nothing").isFalse();
    }

    private static void awaitRuns(Slow slow, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (slow.runs.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(slow.runs).hasSizeGreaterThanOrEqualTo(n);
    }
}
