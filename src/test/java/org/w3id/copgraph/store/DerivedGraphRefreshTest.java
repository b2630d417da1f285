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

    private static void awaitRuns(Slow slow, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (slow.runs.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(slow.runs).hasSizeGreaterThanOrEqualTo(n);
    }
}
