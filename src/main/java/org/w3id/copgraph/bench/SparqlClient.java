package org.w3id.copgraph.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.system.StreamRDFLib;

/** Sends requests to an HTTP endpoint and times them; the same client for copgraph and its peers. */
final class SparqlClient {

    /** One request: a GET of {@code url}, or a SPARQL query POSTed as a form to it. */
    record Request(String url, String sparql) {
        static Request get(String url) {
            return new Request(url, null);
        }

        static Request sparql(String endpoint, String query) {
            return new Request(endpoint, query);
        }
    }

    record Response(int status, byte[] body, String contentType, double ms) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Duration timeout;

    SparqlClient(Duration timeout) {
        this.timeout = timeout;
    }

    Response send(Request r) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url())).timeout(timeout);
        if (r.sparql() != null) {
            boolean graph = isGraphQuery(r.sparql());
            b.header("Accept", graph ? "application/n-triples" : "application/sparql-results+json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(r.sparql(), StandardCharsets.UTF_8)));
        } else {
            b.header("Accept", "text/csv, application/n-triples;q=0.9").GET();
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t0) / 1e6;
            return new Response(resp.statusCode(), resp.body(), resp.headers().firstValue("Content-Type").orElse(""), ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static boolean isGraphQuery(String sparql) {
        Query q = QueryFactory.create(sparql);
        return q.isConstructType() || q.isDescribeType();
    }

    /** Rows of a result (SPARQL JSON or CSV) or statements of a graph answer, to check peers agree. */
    static long rows(Response r) {
        String ct = r.contentType().toLowerCase();
        if (ct.contains("sparql-results+json") || ct.contains("application/json")) {
            long[] n = {0};
            ResultSetMgr.read(new ByteArrayInputStream(r.body()), org.apache.jena.riot.resultset.ResultSetLang.RS_JSON).forEachRemaining(x -> n[0]++);
            return n[0];
        }
        if (ct.contains("text/csv")) {
            long lines = 0;
            for (byte x : r.body()) {
                if (x == '\n') {
                    lines++;
                }
            }
            return Math.max(0, lines - 1);
        }
        Lang lang = ct.contains("turtle") ? Lang.TURTLE : ct.contains("rdf+xml") ? Lang.RDFXML : Lang.NTRIPLES;
        long[] n = {0};
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang)
                .parse(new org.apache.jena.riot.system.StreamRDFWrapper(StreamRDFLib.sinkNull()) {
                    @Override
                    public void triple(org.apache.jena.graph.Triple t) {
                        n[0]++;
                    }
                });
        return n[0];
    }

    /**
     * Runs {@code clients} concurrent clients, each sending the next request until {@code maxRequests}
     * were sent in all or {@code maxTime} has passed. Errors (non-2xx, I/O) are counted, not timed.
     */
    Stats load(int clients, IntFunction<Request> next, int maxRequests, Duration maxTime) {
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long t0 = System.nanoTime();
        long deadline = t0 + maxTime.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = issued.getAndIncrement()) < maxRequests) {
                    try {
                        Response r = send(next.apply(i));
                        if (r.status() / 100 == 2) {
                            latencies.add(r.ms());
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(maxTime.toMillis() + timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return Stats.of(new ArrayList<>(latencies), errors.get(), elapsed);
    }
}
