package org.w3id.copgraph.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser-facing security headers, on every response (Fuseki's included: a servlet filter).
 * Pages load scripts and styles only from this server ({@code /assets}, {@code /webjars}), so an
 * injected {@code <script>} or {@code onclick=} does not run; no page may be framed (a later issue
 * opens {@code /embed/} for partners); and no response is sniffed into another type. The headers
 * are set before the handler runs, so they are there whatever it answers, errors included; on a
 * non-HTML response the Content-Security-Policy is simply unused.
 */
final class SecurityHeaders implements Filter {

    /** Everything from this server only; no plugins, no foreign base, no framing. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse out = (HttpServletResponse) res;
        out.setHeader("Content-Security-Policy", policyFor(((HttpServletRequest) req).getRequestURI()));
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        // For browsers that predate frame-ancestors.
        out.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(req, res);
    }

    static String policyFor(String path) {
        return POLICY;
    }
}
