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
 * Lets pages on any origin read copgraph: every GET and HEAD (and the SPARQL query POST, a read)
 * is answered with {@code Access-Control-Allow-Origin: *}. No credentials are allowed, so a
 * token-protected write from another origin stays impossible. A servlet filter, so Fuseki's
 * paths get it too.
 */
final class Cors implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest r = (HttpServletRequest) req;
        String method = r.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("POST") && "/sparql".equals(r.getRequestURI())) {
            HttpServletResponse out = (HttpServletResponse) res;
            out.setHeader("Access-Control-Allow-Origin", "*");
            out.setHeader("Access-Control-Expose-Headers", "Link, Vary, Content-Location, X-Copgraph-Data-Version");
        }
        chain.doFilter(req, res);
    }
}
