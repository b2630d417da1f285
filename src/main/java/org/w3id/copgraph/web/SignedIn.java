package org.w3id.copgraph.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Role;

/**
 * Who the browser of the request being answered signed in as, for the page header (every page's
 * layout shows it, and no page's model needs to carry it). Set by {@link Sessions#attach} and
 * cleared by this filter when the request ends, so a thread that answers the next request never
 * shows the previous one's name.
 */
public final class SignedIn implements Filter {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    static void set(Caller who) {
        if (who == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(who);
        }
    }

    /** The signed-in name, or null when the browser is not signed in. */
    public static String name() {
        Caller c = CURRENT.get();
        return c == null ? null : c.name();
    }

    /** Whether the signed-in browser may review proposals. */
    public static boolean curator() {
        Caller c = CURRENT.get();
        return c != null && c.role().allows(Role.CURATOR);
    }

    /** The signed-in role in words ("curator", "owner of a CoP"), or null. */
    public static String role() {
        Caller c = CURRENT.get();
        if (c == null) {
            return null;
        }
        return c.scope() != null && c.role() == Role.PUBLIC ? "owner" : c.role().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(req, res);
        } finally {
            CURRENT.remove();
        }
    }
}
