package org.w3id.copgraph.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.w3id.copgraph.Background;

/**
 * Tells the background work how many requests are being answered (Fuseki's included: a servlet
 * filter ahead of everything), so that it waits for a quiet moment between its units of work.
 */
final class RequestsInFlight implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        Background.requestStarted();
        try {
            chain.doFilter(req, res);
        } finally {
            Background.requestEnded();
        }
    }
}
