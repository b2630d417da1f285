package org.w3id.copgraph.store;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Writes a derived graph's difference while it is compared (see {@link Store#writeDerivedDiff}):
 * a thread of its own compares, in a read transaction, and hands batches over a short queue; the
 * calling thread writes them, one transaction going on while no request is under way.
 */
final class DerivedGraphWriter {

    private final DatasetGraph dsg;
    private final BiConsumer<String, Consumer<DatasetGraph>> writeDerived;
    private final LongSupplier replaced;

    /**
     * @param dsg          the store's dataset, read by the comparison
     * @param writeDerived one transaction on the derived graph ({@link Store#writeDerived})
     * @param replaced     moves on when the store is emptied or bulk-loaded
     */
    DerivedGraphWriter(DatasetGraph dsg, BiConsumer<String, Consumer<DatasetGraph>> writeDerived, LongSupplier replaced) {
        this.dsg = dsg;
        this.writeDerived = writeDerived;
        this.replaced = replaced;
    }

    DerivedGraphDiff write(Node graph, String graphIri, Set<String> stamps, java.util.function.BooleanSupplier stop,
                           Consumer<DerivedGraphDiff> describe) {
        long epoch = replaced.getAsLong();
        BlockingQueue<Object> handed = new ArrayBlockingQueue<>(4);
        AtomicBoolean stopped = new AtomicBoolean();
        Object end = new Object();
        DerivedGraphDiff diff = new DerivedGraphDiff(dsg, graph, stamps, batch -> hand(handed, batch, stopped));
        Thread planner = new Thread(() -> {
            org.w3id.copgraph.Background.lowerThisThreadsPriority();
            Object last = end;
            try {
                Txn.executeRead(dsg, () -> {
                    describe.accept(diff);
                    diff.removeTheRest();
                    diff.finish();
                });
            } catch (CancellationException e) {
                return;
            } catch (RuntimeException | Error e) {
                last = e;
            }
            try {
                hand(handed, last, stopped);
            } catch (CancellationException e) {
                // The writer stopped first (the store was emptied): nobody waits for the end.
            }
        }, Thread.currentThread().getName() + "-compare");
        planner.setDaemon(true);
        planner.start();
        int transactions = 0;
        try {
            Object next = take(handed);
            while (next instanceof DerivedGraphDiff.Batch) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("the server is stopping");
                }
                if (transactions == 0) {
                    org.w3id.copgraph.Background.yieldToRequestsUninterruptibly();
                } else {
                    // Committed because a request was under way: a moment for its write, waiting for
                    // the writer's turn, to take it. Not a wait for a quiet spell: on a server that is
                    // never quiet, the refresh would take a quiet spell's longest wait per batch.
                    pauseBriefly();
                }
                Object[] inHand = {next};
                boolean[] stale = {false};
                writeDerived.accept(graphIri, d -> {
                    // Checked in the writer's turn: an emptying or bulk load counts before it writes.
                    if (replaced.getAsLong() != epoch) {
                        stale[0] = true;
                        return;
                    }
                    do {
                        ((DerivedGraphDiff.Batch) inHand[0]).applyTo(d);
                        inHand[0] = stop.getAsBoolean() ? null : nextWhileQuiet(handed);
                    } while (inHand[0] instanceof DerivedGraphDiff.Batch);
                });
                transactions++;
                if (stale[0]) {
                    break;
                }
                next = inHand[0] != null ? inHand[0] : take(handed);
            }
            if (next instanceof RuntimeException e) {
                throw e;
            }
            if (next instanceof Error e) {
                throw e;
            }
        } finally {
            stopped.set(true);
            handed.clear();
        }
        diff.wroteIn(transactions);
        return diff;
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands a batch (or the end) to the writer; gives up once the writer has stopped. */
    private static void hand(BlockingQueue<Object> handed, Object item,
                             AtomicBoolean stopped) {
        try {
            while (!stopped.get() && !handed.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // The writer is behind (or waiting for a quiet moment): wait for room.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopped.get()) {
            throw new CancellationException("the derived graph's write stopped");
        }
    }

    /**
     * The next thing handed over, waited for while no request is under way; null as soon as one
     * is (the transaction then commits, and the request's write can go first).
     */
    private static Object nextWhileQuiet(BlockingQueue<Object> handed) {
        try {
            while (org.w3id.copgraph.Background.requestsInFlight() == 0) {
                Object next = handed.poll(20, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static Object take(BlockingQueue<Object> handed) {
        try {
            return handed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

}
