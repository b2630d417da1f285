package org.w3id.copgraph.proposals;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.w3id.copgraph.Problem;

/**
 * A token bucket per client address: {@code burst} proposals at once, then {@code perHour} more
 * per hour. A client over it gets a 429 with how long to wait, so a burst from one client is
 * slowed down without slowing anyone else. Kept in memory: a restart forgets it, which only
 * lets a client start a new burst.
 */
final class RateLimit {

    /** Buckets of clients not heard from for a while are dropped past this many. */
    private static final int MAX_CLIENTS = 10_000;

    private final int burst;
    private final double perNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(int burst, int perHour, LongSupplier nanoClock) {
        this.burst = Math.max(1, burst);
        this.perNano = Math.max(1, perHour) / 3.6e12;
        this.clock = nanoClock;
    }

    RateLimit(int burst, int perHour) {
        this(burst, perHour, System::nanoTime);
    }

    /** A 429 when {@code client} has no proposal left now; takes nothing (checked before a body is read). */
    void check(String client) {
        synchronized (this) {
            Bucket b = refilled(client);
            if (b.tokens < 1) {
                throw refused(b);
            }
        }
    }

    /** Takes one proposal from {@code client}'s bucket, or a 429 when it is empty. */
    void take(String client) {
        synchronized (this) {
            Bucket b = refilled(client);
            if (b.tokens < 1) {
                throw refused(b);
            }
            b.tokens -= 1;
        }
    }

    private Bucket refilled(String client) {
        long now = clock.getAsLong();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(x -> x.tokens + (now - x.at) * perNano >= burst);
        }
        Bucket b = buckets.computeIfAbsent(client == null ? "" : client, k -> new Bucket(burst, now));
        b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
        b.at = now;
        return b;
    }

    private Problem refused(Bucket b) {
        long seconds = (long) Math.ceil((1 - b.tokens) / perNano / 1e9);
        return Problem.tooManyRequests("too-many-proposals", "Too many proposals from your address in a short time."
                + " Please wait " + seconds + " seconds, then send it again.", seconds);
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
