package org.w3id.copgraph.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.RdfFiles;
import org.w3id.copgraph.store.Shacl;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.curation.Tokens;

/**
 * Two copgraph fronts, each its own JVM, on one store that is not copgraph's, behind HAProxy, as
 * docs/scale-out.md sets them up: front A keeps the derived graphs (and loaded the seed), front B
 * runs with {@code --no-derived-writes}. A change written through one front is served by every
 * front at once, because everything a front keeps is kept per data version of the store; a
 * front killed while clients read through the balancer costs them nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontsBehindBalancerTest {

    private static final String BASE = "https://w3id.org/copgraph/";
    private static final String NEW_COP = BASE + "id/cop/fronts-test-circle";
    private static final String HOST = BASE + "id/organisation/ecolise";
    private static final String GRAPH = BASE + "graph/fronts-test";

    private static StorePeer store;
    private static Front a;
    private static Front b;
    private static Balancer balancer;
    private static String curator;

    @BeforeAll
    static void start() throws Exception {
        String missing = Balancer.unavailable();
        if (missing != null) {
            fail(missing + " (the fronts-behind-a-balancer test needs it; run the tests through .ci/run)");
        }
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("copgraph-fronts");
        int portA = freePort();
        int portB = freePort();
        Path tokens = dir.resolve("tokens.txt");
        curator = Tokens.load(tokens, Map.of()).issue(Role.CURATOR, "fronts-curator");
        // Everything starts side by side: the store, the balancer (it checks the fronts until they
        // answer) and both fronts (B, which loads no seed, waits for nothing but the store).
        var seed = CompletableFuture.supplyAsync(FrontsBehindBalancerTest::seed);
        balancer = Balancer.start(dir, freePort(), portA, portB);
        store = StorePeer.virtuoso();
        String query = store.queryEndpoint();
        String update = store.updateEndpoint();
        // The seed goes in with the store's own means (as an operator loads a large graph), not
        // through a front's checked write path, which asks the remote store statement by statement.
        loadInto(query, update, seed.get());
        a = Front.start("a", portA, frontArgs(dir.resolve("front-a"), tokens, query, update));
        b = Front.start("b", portB, withNoDerivedWrites(frontArgs(dir.resolve("front-b"), tokens, query, update)));
        a.awaitListening();
        b.awaitListening();
        awaitBalancerSees(a, b);
        System.err.printf("Fronts test: store, seed, two fronts and the balancer up in %,d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    private static List<String> frontArgs(Path storeDir, Path tokens, String query, String update) {
        return new ArrayList<>(List.of("--store", storeDir.toString(), "--tokens", tokens.toString(),
                "--sparql-endpoint", query, "--update-endpoint", update, "--home", "."));
    }

    private static List<String> withNoDerivedWrites(List<String> args) {
        args.add("--no-derived-writes");
        return args;
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {balancer, a, b}) {
            if (c != null) {
                c.close();
            }
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    @Order(1)
    void aCuratedWriteThroughOneFrontIsServedByEveryFrontAtOnce() {
        // Every front has served (and kept) each view before the change ...
        for (Front f : List.of(a, b)) {
            Http http = new Http(f.port());
            assertThat(views(http)).as("front " + f.name() + " before the change").noneMatch(v -> v.body().contains("Fronts Test Circle"));
            assertThat(http.get("/id/cop/fronts-test-circle", "Accept", "text/turtle").statusCode()).isEqualTo(404);
            assertThat(newestStreamPage(http)).doesNotContain("Fronts Test Circle");
            assertThat(http.get(NEIGHBOURHOOD).body()).doesNotContain("Fronts Test Circle");
        }

        long w0 = System.nanoTime();
        HttpResponse<String> write = new Http(a.port()).post("/update", "application/sparql-update",
                "PREFIX cop: <https://w3id.org/copgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                        + " INSERT DATA { GRAPH <" + GRAPH + "> { <" + NEW_COP + "> a cop:CommunityOfPractice ;"
                        + " rdfs:label \"Fronts Test Circle\"@en ; cop:hostedBy <" + HOST + "> } }",
                "Authorization", "Bearer " + curator);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
        System.err.printf("Fronts test: a curated write through front a took %,d ms%n", (System.nanoTime() - w0) / 1_000_000);

        // ... and serves the change in the very next request, whichever front wrote it.
        for (Front f : List.of(b, a)) {
            Http http = new Http(f.port());
            for (HttpResponse<String> v : views(http)) {
                assertThat(v.statusCode()).as(v.uri() + " through front " + f.name()).isEqualTo(200);
                assertThat(v.body()).as(v.uri() + " through front " + f.name()).contains("Fronts Test Circle");
            }
            HttpResponse<String> page = http.get("/id/cop/fronts-test-circle", "Accept", "text/turtle");
            assertThat(page.statusCode()).as("the new CoP's page through front " + f.name()).isEqualTo(200);
            assertThat(page.body()).contains("Fronts Test Circle", "ecolise");
            assertThat(newestStreamPage(http)).as("the event stream's newest page through front " + f.name())
                    .contains(NEW_COP, "Fronts Test Circle");
        }
        // The network is rebuilt from the store after a change, in the background (the previous
        // network answers meanwhile, saying which data version it is of): each front's follows.
        String version = new Http(b.port()).get("/health").body().replaceAll(".*\"lastModified\":\"([^\"]+)\".*", "$1");
        for (Front f : List.of(b, a)) {
            awaitNetworkOf(new Http(f.port()), version, f);
        }
    }

    private static void awaitNetworkOf(Http http, String version, Front f) {
        for (int i = 0; ; i++) {
            HttpResponse<String> n = http.get(NEIGHBOURHOOD);
            String served = n.headers().firstValue("X-Copgraph-Data-Version").orElse("");
            if (n.statusCode() == 200 && n.body().contains("Fronts Test Circle") && n.body().contains(HOST)) {
                assertThat(served).as("the network's data version through front " + f.name()).isEqualTo(version);
                return;
            }
            assertThat(served).as("a network without the change says it is of older data, through front " + f.name())
                    .isNotEqualTo(version);
            if (i > 1200) {
                fail("The network of front " + f.name() + " never caught up with data version " + version);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The network around the new CoP (before the change: around a resource the network does not know). */
    private static final String NEIGHBOURHOOD = "/api/network/neighbourhood?depth=1&focus=" + Http.enc(NEW_COP);

    /**
     * What every front keeps per data version and serves after a change: a curated query's first
     * page with default arguments (the page precomputed in the background) and the directory (its
     * own index of every CoP, its search).
     */
    private static List<HttpResponse<String>> views(Http http) {
        return List.of(
                http.get("/api/queries/cops-with-domains", "Accept", "text/csv"),
                http.get("/cops?format=json&q=fronts"),
                http.get("/cops?format=json"));
    }

    /** The event stream's newest page, found as a harvester finds it: the last page its root links to. */
    private static String newestStreamPage(Http http) {
        HttpResponse<String> root = http.get("/ldes", "Accept", "application/n-triples");
        assertThat(root.statusCode()).as(root.body()).isEqualTo(200);
        var m = java.util.regex.Pattern.compile("/ldes/(\\d+)>").matcher(root.body());
        long last = -1;
        while (m.find()) {
            last = Math.max(last, Long.parseLong(m.group(1)));
        }
        if (last < 0) {
            // No member yet: the seed went into the store past copgraph's write path.
            return "";
        }
        HttpResponse<String> page = http.get("/ldes/" + last, "Accept", "application/n-triples");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    @Test
    @Order(2)
    void onlyTheFrontGivenDerivedWritesRewritesTheDerivedGraphs() throws InterruptedException {
        // Front a publishes the metrics and suggestions after start and after the change above ...
        for (int i = 0; i < 600 && a.output().stream().noneMatch(l -> l.contains("Network metrics for data version")); i++) {
            Thread.sleep(100);
        }
        assertThat(a.output()).as("front a's log").anyMatch(l -> l.contains("Network metrics for data version"));
        // ... front b never does.
        assertThat(b.output()).as("front b's log").noneMatch(l -> l.contains("published in"));
    }

    @Test
    @Order(3)
    void aClientReadingThroughTheBalancerSeesNoErrorWhenAFrontIsKilledAndWritesGoOn() throws Exception {
        Http lb = new Http(balancer.port());
        List<String> paths = List.of("/health", "/api/queries/cops-with-domains", "/id/cop/urbana", "/cops?format=json", "/ldes",
                NEIGHBOURHOOD);
        AtomicBoolean killed = new AtomicBoolean();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        int[] afterKill = {0};
        CompletableFuture<Integer> client = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            // Reads before the kill, then on until the balancer has long noticed it.
            while (!killed.get() || afterKill[0] < 60) {
                String path = paths.get(n % paths.size());
                HttpResponse<String> r = lb.get(path, "Accept", path.startsWith("/id/") || path.equals("/ldes") ? "text/turtle" : "application/json");
                if (r.statusCode() != 200) {
                    failures.add(r.statusCode() + " " + path + ": " + r.body());
                }
                n++;
                if (killed.get()) {
                    afterKill[0]++;
                }
            }
            return n;
        });
        Thread.sleep(1000);
        a.kill();
        killed.set(true);
        int requests = client.get(120, TimeUnit.SECONDS);
        assertThat(a.isAlive()).isFalse();
        assertThat(failures).as("of %d reads through the balancer", requests).isEmpty();

        // Writes through the balancer go on too, now through the front that is left.
        long w0 = System.nanoTime();
        HttpResponse<String> write = lb.post("/update", "application/sparql-update",
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA { GRAPH <" + GRAPH + "> { <" + NEW_COP + ">"
                        + " rdfs:comment \"written after a front went away\"@en } }",
                "Authorization", "Bearer " + curator);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
        System.err.printf("Fronts test: %d reads through the balancer, a front killed among them, no error; a write through the"
                + " balancer afterwards took %,d ms%n", requests, (System.nanoTime() - w0) / 1_000_000);
        assertThat(lb.get("/id/cop/fronts-test-circle", "Accept", "text/turtle").body()).contains("written after a front went away");
    }

    // ---- starting the parts

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The seed graph as a front would load it: ontology/ and data/ with the types the shapes imply. */
    private static DatasetGraph seed() {
        Home home = Home.current();
        DatasetGraph d = RdfFiles.read(List.of(home.ontology(), home.data()), Iris.DEFAULT);
        Shacl.fromFile(home.shapes(), Iris.DEFAULT).impliedTypeStatements(d).forEach(d::add);
        return d;
    }

    /**
     * Straight into the store as one SPARQL Update (split as the store needs, see
     * {@code RemoteDatasetGraph}), past the checked write path: as an operator bulk-loads a store.
     */
    private static void loadInto(String query, String update, DatasetGraph data) {
        try (Store remote = Store.remote(query, update)) {
            remote.write(d -> data.find().forEachRemaining(d::add));
        }
    }

    /** Until the balancer's health checks have found both fronts up (each check is every 500 ms). */
    private static void awaitBalancerSees(Front... fronts) throws InterruptedException {
        Http lb = new Http(balancer.port());
        for (int i = 0; i < 600; i++) {
            int ok = 0;
            for (int k = 0; k < fronts.length * 2; k++) {
                try {
                    if (lb.get("/health").statusCode() == 200) {
                        ok++;
                    }
                } catch (java.io.UncheckedIOException e) {
                    // the balancer is not listening yet
                }
            }
            if (ok == fronts.length * 2) {
                Thread.sleep(1000);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The balancer never found every front up");
    }
}
