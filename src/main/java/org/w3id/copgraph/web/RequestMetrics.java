package org.w3id.copgraph.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.sparql.SparqlEndpoint;

/**
 * Counts, times and logs every request, Fuseki's included (a servlet filter ahead of Fuseki's,
 * since Javalin's own hooks never see the requests Fuseki answers). One structured line per
 * request on the {@code copgraph.requests} logger.
 */
final class RequestMetrics implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger("copgraph.requests");
    private static final String ROUTE = "copgraph.route";
    static final String UNMATCHED = "unmatched";
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final PrometheusMeterRegistry registry;

    RequestMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        long t0 = System.nanoTime();
        HttpServletRequest r = (HttpServletRequest) req;
        try {
            chain.doFilter(req, res);
        } finally {
            long nanos = System.nanoTime() - t0;
            int status = ((HttpServletResponse) res).getStatus();
            String route = route(r);
            Timer.builder("copgraph_http_requests")
                    .description("HTTP requests by route template, method and status")
                    .tag("route", route).tag("method", method(r.getMethod())).tag("status", Integer.toString(status))
                    .register(registry).record(Duration.ofNanos(nanos));
            if (status == 503 && route.equals(SparqlEndpoint.PATH) || "query-timeout".equals(r.getAttribute("copgraph.error"))) {
                registry.counter("copgraph_query_timeouts").increment();
            }
            LOG.info("method={} path=\"{}\" status={} ms={} bytes={}", r.getMethod().replace("\"", "%22"),
                    r.getRequestURI().replace("\"", "%22"), status, nanos / 1_000_000, ((HttpServletResponse) res).getHeader("Content-Length"));
        }
    }

    /**
     * Javalin's request logger, run for every request Javalin handles: notes the route template that
     * matched (e.g. {@code /api/queries/{name}}) for the filter to label the request with.
     */
    static void noteRoute(Context ctx, Float millis) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        ctx.req().setAttribute(ROUTE, matched == null ? UNMATCHED : matched.path);
    }

    /**
     * A bounded label: the route template Javalin matched, {@code /sparql} for what Fuseki answers
     * (Javalin never sees those), and one {@value #UNMATCHED} for every path nothing answers, so a
     * client making up paths cannot make up series.
     */
    static String route(HttpServletRequest r) {
        Object noted = r.getAttribute(ROUTE);
        if (noted != null) {
            return noted.toString();
        }
        return SparqlEndpoint.PATH.equals(r.getRequestURI()) ? SparqlEndpoint.PATH : UNMATCHED;
    }

    /** The method as a label from a fixed set: a made-up method is "other", not a new series. */
    static String method(String method) {
        return METHODS.contains(method) ? method : "other";
    }
}
