package org.w3id.copgraph.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.javalin.http.Context;

import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.PublicUrl;

/**
 * The check against cross-site form posts (CSRF): a POST that a browser could be tricked into
 * sending from another site (a signed-in browser's, which carries the session cookie; an
 * anonymous form post) must come from a page of this server. The browser says where a request
 * comes from in {@code Origin} (every current browser sends it on a POST), else in
 * {@code Referer}; it must be the serving host (the request's {@code Host}, which a page on
 * another site cannot set) or the configured public URL (behind a proxy that rewrites Host).
 * A request that says neither is refused: a browser always says one of them on a form post.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /** Refuses the request with a 403 unless it comes from a page of this server. */
    public static void require(Context ctx, PublicUrl publicUrl) {
        String from = ctx.header("Origin");
        if (from == null || from.isBlank() || from.equals("null")) {
            from = ctx.header("Referer");
        }
        if (!allowed(from, ctx.header("Host"), publicUrl)) {
            throw new Problem(Problem.Kind.FORBIDDEN, "cross-origin",
                    "This form can only be sent from a page of this site; open the page here and send it again.");
        }
    }

    /** Whether {@code from} (an Origin or a Referer) is the serving host or the public URL. */
    static boolean allowed(String from, String host, PublicUrl publicUrl) {
        String origin = origin(from);
        if (origin == null) {
            return false;
        }
        if (publicUrl != null && origin.equals(origin(publicUrl.base()))) {
            return true;
        }
        // The scheme is left out: behind a TLS-terminating proxy the browser's https page posts to an http listener.
        return host != null && !host.isBlank() && hostPort(origin).equals(host.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code scheme://host[:port]} of a URL, lower case, default ports dropped; null when it is none. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                return null;
            }
            int port = u.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String hostPort(String origin) {
        return origin.substring(origin.indexOf("://") + 3);
    }
}
