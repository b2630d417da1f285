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

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, times and logs every request, Fuseki's included (a servlet filter ahead of Fuseki's,
 * since Javalin's own hooks never see the requests Fuseki answers). One structured line per
 * request on the {@code copgraph.requests} logger.
 */
final class RequestMetrics implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger("copgraph.requests");

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
            String route = route(r.getRequestURI());
            Timer.builder("copgraph_http_requests")
                    .description("HTTP requests by route group, method and status")
                    .tag("route", route).tag("method", r.getMethod()).tag("status", Integer.toString(status))
                    .register(registry).record(Duration.ofNanos(nanos));
            if (status == 503 && route.equals("/sparql") || "query-timeout".equals(r.getAttribute("copgraph.error"))) {
                registry.counter("copgraph_query_timeouts").increment();
            }
            LOG.info("method={} path=\"{}\" status={} ms={} bytes={}", r.getMethod(), r.getRequestURI().replace("\"", "%22"),
                    status, nanos / 1_000_000, ((HttpServletResponse) res).getHeader("Content-Length"));
        }
    }

    /** A bounded set of labels: the first path segment(s), never resource IRIs. */
    static String route(String path) {
        if (path == null || path.equals("/")) {
            return "/";
        }
        String[] seg = path.split("/");
        if (seg.length > 2 && (seg[1].equals("api") || seg[1].equals("id"))) {
            return "/" + seg[1] + "/" + seg[2];
        }
        return seg.length > 1 ? "/" + seg[1] : "/";
    }
}
