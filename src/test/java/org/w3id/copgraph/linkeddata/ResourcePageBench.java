package org.w3id.copgraph.linkeddata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;


import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * Time to first byte of resource pages ({@code /id/cop/...} as HTML) over HTTP, on a TDB2 store on
 * disk holding the seed graph plus a synthetic ecosystem of 10,000 CoPs (hosts, domains, members
 * with roles: a few hundred thousand statements). Each measured request asks for a CoP not asked
 * before, so no page comes from the description cache. Goal: p50 at most 20 ms.
 *
 * <p>Run: {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.w3id.copgraph.linkeddata.ResourcePageBench [cops]}
 */
public final class ResourcePageBench {

    private static final String ORG = "http://www.w3.org/ns/org#";

    public static void main(String[] args) throws Exception {
        int cops = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("copgraph-bench");
        Iris iris = Iris.DEFAULT;
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.open(dir))) {
            long t0 = System.nanoTime();
            cg.loader().loadSeedIfEmpty();
            cg.store().write(d -> generate(d, iris, cops, new Random(42)));
            System.out.printf("store: %d statements (%d synthetic CoPs) in %.1f s%n",
                    cg.store().tripleCount(), cops, (System.nanoTime() - t0) / 1e9);

            Server app = Server.start(cg);
            try {
                HttpClient client = HttpClient.newHttpClient();
                Random pick = new Random(7);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < cops; i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, pick);
                int warm = Math.min(300, cops / 4);
                int measured = Math.min(2000, cops - warm);
                for (int i = 0; i < warm; i++) {
                    ttfb(client, app.port(), order.get(i));
                }
                double[] first = new double[measured];
                double[] total = new double[measured];
                for (int i = 0; i < measured; i++) {
                    double[] t = ttfb(client, app.port(), order.get(warm + i));
                    first[i] = t[0];
                    total[i] = t[1];
                }
                Arrays.sort(first);
                Arrays.sort(total);
                System.out.printf("GET /id/cop/{n} as HTML, %d distinct CoPs after %d warm-up requests:%n", measured, warm);
                System.out.printf("  time to first byte: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        at(first, 0.50), at(first, 0.95), at(first, 0.99), first[measured - 1]);
                System.out.printf("  whole response:     p50 %.1f ms, p95 %.1f ms%n", at(total, 0.50), at(total, 0.95));
                System.out.printf("  goal p50 <= 20 ms: %s%n", at(first, 0.50) <= 20 ? "met" : "NOT met");
            } finally {
                app.stop();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Milliseconds to the response headers (the first byte) and to the end of the body. */
    private static double[] ttfb(HttpClient client, int port, int n) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/id/cop/synthetic-" + n))
                .header("Accept", "text/html").build();
        long t0 = System.nanoTime();
        long[] headers = new long[1];
        HttpResponse<String> r = client.send(req, info -> {
            headers[0] = System.nanoTime();
            return HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8);
        });
        long t1 = System.nanoTime();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /id/cop/synthetic-" + n + " gave " + r.statusCode());
        }
        return new double[] {(headers[0] - t0) / 1e6, (t1 - t0) / 1e6};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /**
     * CoPs in the ontology's shape: typed and labelled, hosted by a project (one per five CoPs), in
     * one of 25 domains, with five memberships each (a person, a role, the CoP) among 2,000 people.
     */
    static void generate(DatasetGraph d, Iris iris, int cops, Random rnd) {
        Node g = NodeFactory.createURI(iris.graph("synthetic"));
        Node meta = NodeFactory.createURI(iris.metaGraph());
        d.add(Quad.create(meta, g, RDF.type.asNode(), uri(Cop.NS + "SourceGraph")));
        d.add(Quad.create(meta, g, uri("http://purl.org/dc/terms/title"), NodeFactory.createLiteralLang("Synthetic ecosystem (benchmark)", "en")));
        Node label = RDFS.label.asNode();
        Node type = RDF.type.asNode();
        int people = Math.max(10, cops / 5);
        for (int p = 0; p < people; p++) {
            Node person = uri(iris.resource("person", "synthetic-" + p));
            d.add(Quad.create(g, person, type, uri("http://xmlns.com/foaf/0.1/Person")));
            d.add(Quad.create(g, person, label, NodeFactory.createLiteralString("Person " + p)));
        }
        String[] roles = {"member", "facilitator", "coordinator", "contact-person", "co-guardian"};
        for (int i = 0; i < cops; i++) {
            Node cop = uri(iris.resource("cop", "synthetic-" + i));
            Node project = uri(iris.resource("project", "synthetic-" + i / 5));
            d.add(Quad.create(g, cop, type, uri(Cop.CommunityOfPractice)));
            d.add(Quad.create(g, cop, type, uri(ORG + "Organization")));
            d.add(Quad.create(g, cop, type, uri("http://xmlns.com/foaf/0.1/Group")));
            d.add(Quad.create(g, cop, label, NodeFactory.createLiteralLang("Synthetic CoP " + i, "en")));
            d.add(Quad.create(g, cop, uri("http://purl.org/dc/terms/description"),
                    NodeFactory.createLiteralLang("A community of practice generated for benchmarks, number " + i + ".", "en")));
            d.add(Quad.create(g, cop, uri(Cop.NS + "hostedBy"), project));
            d.add(Quad.create(g, cop, uri(Cop.NS + "domain"), uri(iris.resource("domain", "synthetic-" + rnd.nextInt(25)))));
            if (i % 5 == 0) {
                d.add(Quad.create(g, project, type, uri(Cop.NS + "Project")));
                d.add(Quad.create(g, project, label, NodeFactory.createLiteralLang("Synthetic project " + i / 5, "en")));
            }
            for (int m = 0; m < 5; m++) {
                Node ms = uri(iris.resource("membership", "synthetic-" + i + "-" + m));
                d.add(Quad.create(g, ms, type, uri(ORG + "Membership")));
                d.add(Quad.create(g, ms, label, NodeFactory.createLiteralLang("Membership " + m + " of CoP " + i, "en")));
                d.add(Quad.create(g, ms, uri(ORG + "member"), uri(iris.resource("person", "synthetic-" + rnd.nextInt(people)))));
                d.add(Quad.create(g, ms, uri(ORG + "organization"), cop));
                d.add(Quad.create(g, ms, uri(ORG + "role"), uri(iris.resource("role", roles[m]))));
            }
        }
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
