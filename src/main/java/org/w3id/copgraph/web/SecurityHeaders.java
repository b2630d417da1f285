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
 * injected {@code <script>} or {@code onclick=} does not run; no page may be framed except the
 * widgets under {@code /embed/}, which partners put on their own sites (this class is the one place
 * that decides it); and no response is sniffed into another type. Map tiles, when
 * {@code --map-tiles} names a tile server, are the one kind of thing a page may load from elsewhere:
 * images from that origin only. The headers
 * are set before the handler runs, so they are there whatever it answers, errors included; on a
 * non-HTML response the Content-Security-Policy is simply unused.
 */
final class SecurityHeaders implements Filter {

    /** Everything from this server only; no plugins, no foreign base, no framing. */
    static final String POLICY = policy("", "", false);

    /** Widgets for partners' sites: any site may frame them. */
    static final String EMBED_PREFIX = "/embed/";

    /** The origin map tiles come from ({@code https://tile.example.org}), or "" without tiles. */
    private final String tileOrigin;

    SecurityHeaders(String tileOrigin) {
        this.tileOrigin = tileOrigin == null ? "" : " " + tileOrigin;
    }

    /**
     * Cytoscape.js (3.33.1) adds one fixed {@code <style>} element when it draws:
     * {@code .__________cytoscape_container { position: relative; }}. Allowed by its hash on the
     * explorer only, rather than every inline style.
     */
    private static final String EXPLORER_STYLES = " 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

    /**
     * YASGUI's result table (its bundled column-resizer) adds fixed {@code <style>} elements: the
     * grips' stylesheet when a table is drawn, and {@code *{cursor:col-resize!important}} while a
     * column is dragged. Allowed by their hashes on the editor only; 'unsafe-inline' is not needed.
     * A new YASGUI build may change them: ContentSecurityPolicyBrowserTest then reports what Chromium refused.
     */
    private static final String EDITOR_STYLES = " 'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='"
            + " 'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg='";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse out = (HttpServletResponse) res;
        String path = ((HttpServletRequest) req).getRequestURI();
        out.setHeader("Content-Security-Policy", policyFor(path, tileOrigin));
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!framable(path)) {
            // For browsers that predate frame-ancestors.
            out.setHeader("X-Frame-Options", "DENY");
        }
        chain.doFilter(req, res);
    }

    /** Whether other sites may frame the page at {@code path}: the widgets under {@code /embed/} only. */
    static boolean framable(String path) {
        return path.startsWith(EMBED_PREFIX);
    }

    static String policyFor(String path, String tileOrigin) {
        boolean framable = framable(path);
        return switch (path) {
            case "/explore" -> policy(EXPLORER_STYLES, "", false);
            case "/query-editor" -> policy(EDITOR_STYLES, "", false);
            // Pages that draw a map (the map page, and embedded maps) may show the configured tiles.
            case "/map", "/embed/map" -> policy("", tileOrigin, framable);
            default -> framable ? policy("", "", true) : POLICY;
        };
    }

    private static String policy(String extraStyles, String extraImages, boolean framable) {
        return "default-src 'self'; script-src 'self'; style-src 'self'" + extraStyles + "; img-src 'self' data:" + extraImages + ";"
                + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors " + (framable ? "*" : "'none'");
    }
}
