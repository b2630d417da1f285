package org.w3id.copgraph.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.w3id.copgraph.model.PublicUrl;

/**
 * Which full pages have a widget for partners' sites, and where it is: a CoP's page
 * ({@code /id/cop/{slug}} -> {@code /embed/cop/{slug}}), the directory ({@code /cops?...} ->
 * {@code /embed/cops?...}), the explorer focused on a resource ({@code /explore?focus=...} ->
 * {@code /embed/network?...}), a curated query's answer ({@code /api/queries/{name}?...} ->
 * {@code /embed/query/{name}?...}) and the map ({@code /map?...} -> {@code /embed/map?...}). One
 * mapping serves the pages' "Embed this" snippet and oEmbed discovery link (set per request here,
 * for the templates, as {@link SignedIn} is) and the {@code /oembed} endpoint.
 */
public final class Embedding implements Filter {

    /** A full page's widget: its address on partners' sites, its oEmbed address and the snippet to copy. */
    public record Offer(String page, String embed, String oembed, String iframe) {
    }

    /** Where a full page's widget is ({@code /embed/...} with the page's query), its usual size and what it shows. */
    record Target(String path, int width, int height, String what) {
    }

    private static final ThreadLocal<Offer> CURRENT = new ThreadLocal<>();

    private final Supplier<PublicUrl> publicUrl;

    Embedding(Supplier<PublicUrl> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The widget of the page being answered, or null when it has none. */
    public static Offer current() {
        return CURRENT.get();
    }

    /**
     * The widget of the page at {@code path} with {@code query} (without '?', may be null), or
     * null when that page has none. An {@code /embed/} address is its own widget.
     */
    static Target targetFor(String path, String query) {
        String q = query == null || query.isEmpty() ? "" : "?" + query;
        if (path.startsWith("/embed/")) {
            return target(path.substring("/embed".length()), q);
        }
        if (path.startsWith("/id/cop/") && isSlug(path.substring("/id/cop/".length()))) {
            return new Target("/embed/cop/" + path.substring("/id/cop/".length()), 420, 320, "cop");
        }
        if (path.equals("/cops")) {
            return new Target("/embed/cops" + q, 640, 640, "cops");
        }
        if (path.equals("/map")) {
            return new Target("/embed/map" + q, 640, 480, "map");
        }
        if (path.equals("/explore") && query != null && (query.contains("focus=") || query.contains("from="))) {
            return new Target("/embed/network" + q, 640, 520, "network");
        }
        if (path.startsWith("/api/queries/") && isSlug(path.substring("/api/queries/".length()))) {
            return new Target("/embed/query/" + path.substring("/api/queries/".length()) + q, 720, 480, "query");
        }
        return null;
    }

    /** An {@code /embed/...} address, taken apart: the same widget again. */
    private static Target target(String rest, String q) {
        if (rest.startsWith("/cop/") && isSlug(rest.substring("/cop/".length())) && q.isEmpty()) {
            return new Target("/embed" + rest, 420, 320, "cop");
        }
        return switch (rest) {
            case "/cops" -> new Target("/embed/cops" + q, 640, 640, "cops");
            case "/map" -> new Target("/embed/map" + q, 640, 480, "map");
            case "/network" -> q.contains("focus=") || q.contains("from=") ? new Target("/embed/network" + q, 640, 520, "network") : null;
            default -> rest.startsWith("/query/") && isSlug(rest.substring("/query/".length()))
                    ? new Target("/embed" + rest + q, 720, 480, "query") : null;
        };
    }

    private static boolean isSlug(String s) {
        return s.matches("[A-Za-z0-9][A-Za-z0-9._-]*");
    }

    /** The snippet a partner copies: an iframe of {@code src}, {@code width} by {@code height}. */
    static String iframe(String src, int width, int height, String title) {
        return "<iframe src=\"" + attr(src) + "\" width=\"" + width + "\" height=\"" + height + "\" title=\"" + attr(title)
                + "\" loading=\"lazy\"></iframe>";
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The words of the widget's iframe title, for screen readers on the partner's page. */
    static String title(Target t) {
        return switch (t.what()) {
            case "cop" -> "A community of practice, from copgraph";
            case "cops" -> "Communities of practice, from copgraph";
            case "map" -> "Map of communities of practice, from copgraph";
            case "network" -> "Network of communities of practice, from copgraph";
            default -> "Curated query answer, from copgraph";
        };
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        try {
            if ("GET".equals(http.getMethod()) && !http.getRequestURI().startsWith("/embed/")) {
                Target t = targetFor(http.getRequestURI(), http.getQueryString());
                if (t != null) {
                    PublicUrl base = publicUrl.get();
                    String q = http.getQueryString();
                    String page = base.of(http.getRequestURI() + (q == null || q.isEmpty() ? "" : "?" + q));
                    String embed = base.of(t.path());
                    CURRENT.set(new Offer(page, embed, "/oembed?url=" + URLEncoder.encode(page, StandardCharsets.UTF_8) + "&format=json",
                            iframe(embed, t.width(), t.height(), title(t))));
                }
            }
            chain.doFilter(req, res);
        } finally {
            CURRENT.remove();
        }
    }
}
