package org.w3id.copgraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server does in the background (the network metrics and suggestions graphs, the curated
 * queries' precomputed pages, the directory's index) gives way to requests, so that a server in its
 * first minute answers {@code /sparql} as fast as one with nothing to do. Two means, both needed on
 * a machine of two cores:
 * <ul>
 * <li>a gate: the web layer counts the requests in flight ({@link #requestStarted()},
 * {@link #requestEnded()}), and background work calls {@link #yieldToRequests()} between its
 * units of work, which waits while requests are in flight and for a short quiet moment after the
 * last one. So a unit does not start in the middle of a burst of requests.</li>
 * <li>a low OS priority: a unit already running (computing every centrality of a projection takes
 * seconds) cannot be paused, so its thread runs at the lowest scheduling priority
 * ({@link #lowerThisThreadsPriority()}, nice 19): when a request needs the core it gets it, and
 * the background thread has the cores only while they would otherwise be idle. Java's own thread
 * priorities are ignored on Linux, so this asks the kernel directly.</li>
 * </ul>
 * Background work is not starved for ever: a unit waits at most {@link #MAX_WAIT_MILLIS} for a
 * quiet moment, then runs anyway (still at the low priority).
 */
public final class Background {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    /** How long after the last request background work waits before its next unit. */
    static final long QUIET_MILLIS = 250;
    /** The longest a unit of background work waits for a quiet moment. */
    static final long MAX_WAIT_MILLIS = 120_000;

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static volatile long lastRequestEnded;
    private static final Object QUIET = new Object();

    private Background() {
    }

    /** A request began (the web layer's outermost filter). */
    public static void requestStarted() {
        IN_FLIGHT.incrementAndGet();
    }

    /** A request ended. */
    public static void requestEnded() {
        lastRequestEnded = System.nanoTime();
        if (IN_FLIGHT.decrementAndGet() <= 0) {
            synchronized (QUIET) {
                QUIET.notifyAll();
            }
        }
    }

    /** How many requests are being answered now. */
    public static int requestsInFlight() {
        return Math.max(0, IN_FLIGHT.get());
    }

    /**
     * Between two units of background work: returns once no request is in flight and none ended
     * in the last {@link #QUIET_MILLIS} ms, or after {@link #MAX_WAIT_MILLIS} ms at most.
     */
    public static void yieldToRequests() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            long quietFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRequestEnded);
            if (IN_FLIGHT.get() <= 0 && (lastRequestEnded == 0 || quietFor >= QUIET_MILLIS)) {
                return;
            }
            synchronized (QUIET) {
                QUIET.wait(IN_FLIGHT.get() > 0 ? QUIET_MILLIS : Math.max(1, QUIET_MILLIS - quietFor));
            }
        }
    }

    /** {@link #yieldToRequests()} for code that cannot be interrupted there: an interrupt is kept for the caller. */
    public static void yieldToRequestsUninterruptibly() {
        try {
            yieldToRequests();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the calling thread (and the threads it starts from now on) at the kernel's lowest
     * priority, nice 19, where the system allows it: on Linux a thread has its own nice value,
     * set here with {@code renice} on the thread's id. Elsewhere, or if that fails, nothing changes
     * but a debug line.
     */
    public static void lowerThisThreadsPriority() {
        Path self = Path.of("/proc/thread-self");
        try {
            if (!Files.exists(self)) {
                return;
            }
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            Process p = new ProcessBuilder("renice", "-n", "19", "-p", tid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroy();
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("Background thread {} keeps its priority: {}", Thread.currentThread().getName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code work} on a daemon thread of its own, now; its result is taken with {@link #join}. */
    public static <T> java.util.concurrent.Future<T> onThread(String name, java.util.concurrent.Callable<T> work) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The result of work started with {@link #onThread}; its failure is thrown here as it would have been in line. */
    public static <T> T join(java.util.concurrent.Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One daemon thread named {@code name}, at the lowest priority ({@link #lowerThisThreadsPriority()}), for background units. */
    public static java.util.concurrent.ExecutorService lowPriorityThread(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                lowerThisThreadsPriority();
                r.run();
            }, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs an action on {@code executor} once calls to {@link #touch()} have stopped for a quiet
     * spell: a curator's run of changes makes one run, after the last of them.
     */
    public static final class QuietSpell {
        private final long millis;
        private final java.util.concurrent.Executor executor;
        private final Runnable action;
        private final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile long last;

        public QuietSpell(long millis, java.util.concurrent.Executor executor, Runnable action) {
            this.millis = millis;
            this.executor = executor;
            this.action = action;
        }

        /** Something changed: the action runs {@code millis} after the last such call. */
        public void touch() {
            last = System.nanoTime();
            if (scheduled.compareAndSet(false, true)) {
                runAfter(millis);
            }
        }

        private void runAfter(long delayMillis) {
            java.util.concurrent.CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, executor).execute(() -> {
                long quietFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - last);
                if (quietFor < millis) {
                    runAfter(millis - quietFor);
                    return;
                }
                scheduled.set(false);
                action.run();
            });
        }
    }
}
