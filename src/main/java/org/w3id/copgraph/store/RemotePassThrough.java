package org.w3id.copgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.apache.jena.atlas.web.HttpException;
import org.w3id.copgraph.Problem;

/**
 * A client's SPARQL query sent to the remote store as its text, and the store's answer handed back
 * as bytes: no parse, plan or result rewriting in copgraph, so {@code /sparql} on a remote store
 * costs about what the store does. The caller has already checked the query (size, nesting, parse,
 * no SERVICE) and chosen the one media type to ask for.
 */
public final class RemotePassThrough {

    /** The store's answer: its media type and its body, to be copied out and closed. */
    public record Answer(String contentType, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** Longest encoded query sent as a GET; well inside the 8 kB request line Virtuoso and Fuseki (Jetty) take. */
    static final int GET_LIMIT = 6 * 1024;

    private RemotePassThrough() {
    }

    static Answer ask(RemoteDatasetGraph remote, String query, String mediaType, long timeoutMillis) {
        String text = query;
        byte[] form = ("query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        try {
            return remote.queries().call(url -> send(url, form, mediaType, timeoutMillis));
        } catch (HttpException e) {
            // Only one URL, and it said 503/504: the store's own timeout or overload.
            throw new Problem(Problem.Kind.TIMEOUT, "query-timeout", "The data store stopped the query (it ran too long"
                    + " or the store is busy); no result was sent. Make it more selective or try again shortly.");
        }
    }

    /**
     * One blocking exchange on the calling (web server) thread, over the JDK's kept-alive connections.
     * Not {@code java.net.http.HttpClient}: it hands each exchange through its selector and worker
     * threads (about five hand-offs per request, seen with strace), and on a busy machine every
     * hand-off waits for a core: that was about half of what a front added per request.
     */
    private static Answer send(String url, byte[] form, String mediaType, long timeoutMillis) {
        HttpURLConnection c = null;
        try {
            // A short query goes as a GET: the request is then one write, which Nagle's algorithm
            // cannot split against the store's delayed ACK (a POST's form follows its headers).
            boolean get = form.length <= GET_LIMIT;
            String target = get ? url + (url.contains("?") ? "&" : "?") + new String(form, StandardCharsets.UTF_8) : url;
            c = (HttpURLConnection) URI.create(target).toURL().openConnection(Proxy.NO_PROXY);
            c.setConnectTimeout(5_000);
            // Longest silence while waiting for the answer or between its pieces; the store stops
            // the query itself at its own limit.
            c.setReadTimeout(timeoutMillis > 0 ? (int) Math.min(Integer.MAX_VALUE, timeoutMillis) : 0);
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Accept", mediaType);
            if (!get) {
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(form);
                }
            }
            int status = c.getResponseCode();
            if (status == 200) {
                return new Answer(c.getContentType() == null ? mediaType : c.getContentType(), c.getInputStream());
            }
            String said;
            try (InputStream in = c.getErrorStream()) {
                said = in == null ? "" : new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            } catch (IOException e) {
                said = "";
            }
            HttpException e = new HttpException(status, "HTTP " + status, said);
            if (Replicas.unreachable(e)) {
                throw e;
            }
            throw Replicas.refused(e);
        } catch (SocketTimeoutException e) {
            if (c != null) {
                c.disconnect();
            }
            if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")) {
                throw new HttpException("query " + url, e);
            }
            throw new Problem(Problem.Kind.TIMEOUT, "query-timeout", "The query ran longer than " + timeoutMillis / 1000
                    + " s, the limit of this server, and was stopped; no result was sent. Make it more selective"
                    + " (more specific patterns, a LIMIT) or use a curated query under /api/queries.");
        } catch (IOException e) {
            if (c != null) {
                c.disconnect();
            }
            throw new HttpException("query " + url, e);
        }
    }
}
