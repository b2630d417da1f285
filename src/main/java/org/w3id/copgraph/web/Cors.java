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
 * The one CORS policy: pages on any origin may read copgraph. Every GET and HEAD (and the SPARQL
 * query POST, a read) is answered with {@code Access-Control-Allow-Origin: *}, and {@code /sparql}
 * answers preflights for GET and POST. No credentials and no {@code Authorization} header are
 * allowed, so a token-protected write from another origin stays impossible. A servlet filter,
 * so Fuseki's paths get it too.
 */
final class Cors implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest r = (HttpServletRequest) req;
        String method = r.getMethod();
        if (method.equals("OPTIONS") && "/sparql".equals(r.getRequestURI()) && r.getHeader("Access-Control-Request-Method") != null) {
            HttpServletResponse out = (HttpServletResponse) res;
            out.setHeader("Access-Control-Allow-Origin", "*");
            out.setHeader("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS");
            out.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, Origin, X-Requested-With");
            out.setHeader("Access-Control-Max-Age", "86400");
            out.setStatus(204);
            return;
        }
        if (method.equals("GET") || method.equals("HEAD") || method.equals("POST") && "/sparql".equals(r.getRequestURI())) {
            HttpServletResponse out = (HttpServletResponse) res;
            out.setHeader("Access-Control-Allow-Origin", "*");
            out.setHeader("Access-Control-Expose-Headers", "Link, Vary, Content-Location, Content-Type, Fuseki-Request-Id, X-Copgraph-Query,"
                    + " X-Copgraph-Query-Hash, X-Copgraph-Data-Version");
        }
        chain.doFilter(req, res);
    }
}
