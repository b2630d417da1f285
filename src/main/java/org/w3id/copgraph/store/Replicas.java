package org.w3id.copgraph.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.jena.atlas.web.HttpException;
import org.w3id.copgraph.Problem;

/**
 * Several URLs of one store (replicas, or one store reached several ways), tried in turn: a call
 * that cannot reach one (connection refused or reset, or 502/503/504 from a proxy or a store going
 * down) goes to the next, and the one that answered is tried first from then on. Only when every
 * one fails does the caller see the failure, as a 503 {@link Problem} (store unavailable).
 */
final class Replicas {

    private final List<String> urls;
    private final AtomicInteger preferred = new AtomicInteger();

    Replicas(List<String> urls) {
        this.urls = List.copyOf(urls);
        if (this.urls.isEmpty()) {
            throw new IllegalArgumentException("no endpoint");
        }
    }

    List<String> urls() {
        return urls;
    }

    /** The URL that answered last: the first to try. */
    String current() {
        return urls.get(preferred.get());
    }

    /** Runs {@code call} on each URL from the preferred one until one answers. */
    <T> T call(Function<String, T> call) {
        int start = preferred.get();
        RuntimeException last = null;
        for (int i = 0; i < urls.size(); i++) {
            int at = (start + i) % urls.size();
            try {
                T out = call.apply(urls.get(at));
                preferred.set(at);
                return out;
            } catch (RuntimeException e) {
                if (!unreachable(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw unavailable(last);
    }

    /** Whether {@code e} says the store could not be reached at that URL (rather than that it refused the request). */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                int status = h.getStatusCode();
                if (status == -1 || status == 502 || status == 503 || status == 504) {
                    return true;
                }
                if (status > 0) {
                    return false;
                }
            }
            if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException
                    || t instanceof org.apache.jena.atlas.RuntimeIOException) {
                return true;
            }
        }
        return false;
    }

    private RuntimeException unavailable(RuntimeException last) {
        if (last instanceof HttpException h && (h.getStatusCode() == 503 || h.getStatusCode() == 504) && urls.size() == 1) {
            // One store that answered "busy" or "timed out": let the caller treat it as its own timeout.
            return last;
        }
        Problem p = new Problem(Problem.Kind.TIMEOUT, "store-unavailable", "The data store does not answer"
                + (urls.size() > 1 ? " at any of its " + urls.size() + " addresses" : "") + "; try again shortly.");
        p.initCause(last);
        return p;
    }

    /** A store's refusal (an HTTP error that is not about reaching it) as copgraph's error: 400 for 4xx, 503 otherwise. */
    static RuntimeException refused(HttpException e) {
        String said = e.getResponse() == null ? "" : e.getResponse().strip();
        int cut = said.indexOf('\n');
        said = (cut > 0 ? said.substring(0, cut) : said);
        said = said.length() > 300 ? said.substring(0, 300) + "..." : said;
        if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
            return Problem.badRequest("store-refused-query", "The data store refused the query"
                    + (said.isEmpty() ? "." : ": " + said));
        }
        return new Problem(Problem.Kind.TIMEOUT, "store-error", "The data store failed to answer"
                + (said.isEmpty() ? "." : ": " + said));
    }
}
