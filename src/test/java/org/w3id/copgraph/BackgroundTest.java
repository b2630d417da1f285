package org.w3id.copgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void backgroundWorkWaitsWhileARequestIsInFlightAndGoesOnAfterIt() throws Exception {
        Background.requestStarted();
        CountDownLatch through = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            Background.yieldToRequestsUninterruptibly();
            through.countDown();
        });
        try {
            worker.start();
            // While the request is in flight the worker cannot pass (short of its two-minute limit).
            assertThat(through.await(300, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            Background.requestEnded();
        }
        assertThat(through.await(30, TimeUnit.SECONDS)).as("the worker went on once the request ended").isTrue();
        assertThat(Background.requestsInFlight()).isZero();
    }

    @Test
    void aBackgroundThreadRunsAtTheLowestPriorityAndTheOthersKeepTheirs() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/proc/thread-self/stat")),
                "Linux only: elsewhere the priority is left as it is");
        int[] nice = new int[2];
        Thread t = new Thread(() -> {
            Background.lowerThisThreadsPriority();
            nice[0] = niceOfThisThread();
        });
        t.start();
        t.join();
        nice[1] = niceOfThisThread();
        assertThat(nice[0]).isEqualTo(19);
        assertThat(nice[1]).isLessThan(19);
    }

    /** Field 19 of /proc/thread-self/stat (after the command name in parentheses, field 3 is the 1st). */
    private static int niceOfThisThread() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
