package org.w3id.copgraph.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
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
            int status = status(t);
            if (status == -1 || status == 502 || status == 503 || status == 504) {
                return true;
            }
            if (status > 0) {
                // The store answered (e.g. Virtuoso's 500 for a query it fails to compile or run): a refusal, not a dead replica.
                return false;
            }
            if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException
                    || t instanceof org.apache.jena.atlas.RuntimeIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The HTTP status {@code t} carries: Jena's update client throws {@link HttpException}, its
     * query client wraps that in a {@link QueryExceptionHTTP} (which is not one); 0 if neither.
     */
    static int status(Throwable t) {
        if (t instanceof HttpException h) {
            return h.getStatusCode();
        }
        if (t instanceof QueryExceptionHTTP q) {
            int code = q.getStatusCode();
            return code == QueryExceptionHTTP.noStatusCode ? 0 : code < 0 ? -1 : code;
        }
        return 0;
    }

    /** Whether {@code e} is the client giving up waiting for an answer (the query's own time limit). */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The store's response body in {@code e} or its causes, or "". */
    static String body(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String said = t instanceof HttpException h ? h.getResponse() : t instanceof QueryExceptionHTTP q ? q.getResponse() : null;
            if (said != null && !said.isBlank()) {
                return said;
            }
        }
        return "";
    }

    /** Whether {@code e} is the store's HTTP answer (an error status), to turn into copgraph's error with {@link #refused}. */
    static boolean isHttp(Throwable e) {
        return e instanceof HttpException || e instanceof QueryExceptionHTTP;
    }

    private RuntimeException unavailable(RuntimeException last) {
        if (urls.size() == 1 && (status(last) == 503 || status(last) == 504 || timedOut(last))) {
            // One store that answered "busy" or "timed out": let the caller treat it as its own timeout.
            return last;
        }
        Problem p = new Problem(Problem.Kind.TIMEOUT, "store-unavailable", "The data store does not answer"
                + (urls.size() > 1 ? " at any of its " + urls.size() + " addresses" : "") + "; try again shortly.");
        p.initCause(last);
        return p;
    }

    /**
     * A store's refusal (an HTTP error that is not about reaching it) as copgraph's error: 503 when
     * the store said it is busy or timed out, otherwise 400 {@code store-refused-query} (a store
     * that answers 500 to a query, as Virtuoso does when it cannot compile or run it, has refused
     * that query; it is not down). The store's whole answer is logged; the client gets its first line.
     */
    static RuntimeException refused(RuntimeException e) {
        int status = 0;
        for (Throwable t = e; t != null && status == 0; t = t.getCause()) {
            status = status(t);
        }
        String whole = body(e).strip();
        LOG.warn("The store answered {}: {}", status, whole.isEmpty() ? e.getMessage() : whole);
        String said = whole;
        int cut = said.indexOf('\n');
        said = (cut > 0 ? said.substring(0, cut) : said);
        said = said.length() > 300 ? said.substring(0, 300) + "..." : said;
        if (status == 503 || status == 504) {
            return new Problem(Problem.Kind.TIMEOUT, "store-error", "The data store failed to answer"
                    + (said.isEmpty() ? "." : ": " + said));
        }
        return Problem.badRequest("store-refused-query", "The data store refused the query"
                + (said.isEmpty() ? "." : ": " + said));
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Replicas.class);
}
