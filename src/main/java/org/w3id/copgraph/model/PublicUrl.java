package org.w3id.copgraph.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.w3id.copgraph.Problem;

/**
 * Where copgraph is reached on the web, e.g. {@code https://copgraph.example.org/}: the one place
 * that knows it. Every absolute link the server writes (event-stream pages, fragment controls,
 * sitemap entries, the SPARQL service description, VoID's endpoints and downloads, the JSON-LD
 * context) starts here, never from a request's {@code Host} header, which any client can set
 * (a cache in front of the server would otherwise keep and hand out links to a host of the
 * client's choosing).
 *
 * <p>Names are not locations: the canonical IRIs of resources, graphs, the stream and its members
 * stay under {@link Iris#base()}; this is only where they are served.
 */
public record PublicUrl(String base) {

    public PublicUrl {
        if (!base.endsWith("/")) {
            base = base + "/";
        }
    }

    /** A configured public URL ({@code serve --public-url}), checked: absolute http(s), no query or fragment. */
    public static PublicUrl parse(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
                    && u.getRawQuery() == null && u.getRawFragment() == null && u.getRawUserInfo() == null) {
                return new PublicUrl(url);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw Problem.badRequest("bad-public-url", "--public-url must be an absolute http(s) URL without query or fragment,"
                + " e.g. https://copgraph.example.org/; got '" + url + "'.");
    }

    /**
     * The listening address as a URL: {@code http://localhost:PORT/} when listening on every
     * interface or on loopback, else {@code http://HOST:PORT/}.
     */
    public static PublicUrl listening(String host, int port) {
        String h = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1")
                || host.equals("::1") ? "localhost" : host;
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return new PublicUrl("http://" + h + ":" + port + "/");
    }

    /** The URL of a path on this server, e.g. {@code of("/ldes/2")}. */
    public String of(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** The base without its final slash, e.g. {@code http://localhost:8080}, for code that appends "/path". */
    public String site() {
        return base.substring(0, base.length() - 1);
    }

    @Override
    public String toString() {
        return base;
    }
}
