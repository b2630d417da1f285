package org.w3id.copgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RemotePassThrough() {
    }

    static Answer ask(RemoteDatasetGraph remote, String query, String mediaType, long timeoutMillis) {
        String text = remote.dialect().dataPrologue() + query;
        byte[] form = ("query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        try {
            return remote.queries().call(url -> send(url, form, mediaType, timeoutMillis));
        } catch (HttpException e) {
            // Only one URL, and it said 503/504: the store's own timeout or overload.
            throw new Problem(Problem.Kind.TIMEOUT, "query-timeout", "The data store stopped the query (it ran too long"
                    + " or the store is busy); no result was sent. Make it more selective or try again shortly.");
        }
    }

    private static Answer send(String url, byte[] form, String mediaType, long timeoutMillis) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", mediaType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form));
        if (timeoutMillis > 0) {
            b.timeout(Duration.ofMillis(timeoutMillis));
        }
        HttpResponse<InputStream> r;
        try {
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Problem(Problem.Kind.TIMEOUT, "query-timeout", "The query ran longer than " + timeoutMillis / 1000
                    + " s, the limit of this server, and was stopped; no result was sent. Make it more selective"
                    + " (more specific patterns, a LIMIT) or use a curated query under /api/queries.");
        } catch (IOException e) {
            throw new HttpException("POST " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpException("interrupted", e);
        }
        if (r.statusCode() == 200) {
            return new Answer(r.headers().firstValue("Content-Type").orElse(mediaType), r.body());
        }
        String said;
        try (InputStream in = r.body()) {
            said = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            said = "";
        }
        HttpException e = new HttpException(r.statusCode(), "HTTP " + r.statusCode(), said);
        if (Replicas.unreachable(e)) {
            throw e;
        }
        throw Replicas.refused(e);
    }
}
