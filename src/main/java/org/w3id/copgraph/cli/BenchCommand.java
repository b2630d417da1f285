package org.w3id.copgraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.w3id.copgraph.Home;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.bench.Benchmark;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark copgraph beside the servers one would use instead, and write a Markdown report.",
                "For each size: generate a synthetic ecosystem; load it (load --bulk against tdb2.tdbloader);",
                "serve it with copgraph, a standalone Fuseki of the same version on a copy of the store, and",
                "Virtuoso 7 if installed; run every curated query (cold, warm) and a mixed SPARQL workload at",
                "each client count; print each figure with its ratio to the peer. Loopback only; takes minutes."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--cops", split = ",", defaultValue = "1000,10000,50000", paramLabel = "N[,N...]",
            description = "Sizes, in CoPs (about 210 statements each; default: ${DEFAULT-VALUE}).")
    List<Integer> cops;

    @Option(names = "--clients", split = ",", defaultValue = "1,4,16", paramLabel = "C[,C...]",
            description = "Concurrent clients of the mixed workload (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--peers", split = ",", defaultValue = "fuseki,virtuoso", paramLabel = "P[,P...]",
            description = "Peers to compare with; one that is not available is skipped, and the report says why (default: ${DEFAULT-VALUE}).")
    List<String> peers;

    @Option(names = "--out", defaultValue = "target/bench/report.md", paramLabel = "FILE",
            description = "The Markdown report (default: ${DEFAULT-VALUE}); rewritten after each size.")
    Path out;

    @Option(names = "--work", defaultValue = "target/bench/work", paramLabel = "DIR",
            description = "Scratch directory for data files and stores (default: ${DEFAULT-VALUE}); emptied per size.")
    Path work;

    @Option(names = "--fuseki-jar", paramLabel = "JAR", description = "jena-fuseki-server-5.6.0.jar (default: the one in"
            + " ~/.m2, fetched by `mvn dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0`). It also runs tdb2.tdbloader.")
    Path fusekiJar;

    @Option(names = "--heap", defaultValue = "1g", paramLabel = "SIZE", description = "-Xmx of the copgraph and Fuseki servers (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--warm", defaultValue = "5", paramLabel = "N", description = "Repeats of each curated query after its first run (default: ${DEFAULT-VALUE}).")
    int warm;

    @Option(names = "--requests", defaultValue = "300", paramLabel = "N",
            description = "At most this many requests per client count in the mixed workload (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--duration", defaultValue = "20", paramLabel = "SECONDS",
            description = "At most this long per client count in the mixed workload (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed of the generator and the workload (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", paramLabel = "PART", description = "Run one part only: directory (generate, load, then /cops"
            + " searches with q and facets, p50/p95), or suggestions (generate, hide a fifth of the cross-pollinations, load the"
            + " rest, then recall@10, MRR and nDCG@10 of copgraph's suggestions beside baselines, and their times),"
            + " load (load --bulk beside tdb2.tdbloader, best of 2 each), start (cold start on the seed graph, median of 5),"
            + " firstminute (the mixed SPARQL workload in the first 60 s of a server started normally, beside Fuseki's),"
            + " network (generate, load, then first metrics, neighbourhoods, changes reaching the network, store growth),"
            + " adhoc (seven ad-hoc SPARQL queries on copgraph, Fuseki and Virtuoso with their plans, curated answers from"
            + " the cache over HTTP, and Virtuoso behind a copgraph front beside Virtuoso directly),"
            + " queries (generate, load, label search p95, then each curated query's example cold on a fresh copgraph and a fresh Virtuoso),"
            + " or search (generate, load, then only the label search: its p95 goal beside the label scan it replaced).")
    String only;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
            description = "Directory holding ontology/, data/ and queries/ (default: the current directory).")
    Path home;

    @Override
    public Integer call() throws Exception {
        Path root = home.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(root.resolve("ontology"))) {
            throw Problem.badRequest("no-home", root + " has no ontology/ directory: run from a checkout or give --home DIR.");
        }
        if (cops.stream().anyMatch(n -> n < 10) || clients.stream().anyMatch(c -> c < 1 || c > 256)
                || requests < 1 || duration < 1 || warm < 0) {
            throw Problem.badRequest("bad-option", "--cops must be at least 10, --clients 1 to 256, --requests and --duration at least 1.");
        }
        if (only != null && !java.util.Set.of("directory", "suggestions", "load", "start", "firstminute", "network", "adhoc", "queries", "search").contains(only)) {
            throw Problem.badRequest("bad-option", "--only takes: directory, suggestions, load, start, firstminute, network, adhoc, queries, search; got '" + only + "'.");
        }
        Path jar = fusekiJar != null ? fusekiJar : Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "apache",
                "jena", "jena-fuseki-server", "5.6.0", "jena-fuseki-server-5.6.0.jar");
        Benchmark.Options o = new Benchmark.Options(cops, clients, peers, out.toAbsolutePath(), work.toAbsolutePath(), jar,
                heap, warm, requests, Duration.ofSeconds(duration), seed, only);
        String report = new Benchmark(o, new Home(root), System.out).run();
        System.out.println();
        System.out.println(report);
        System.out.println("Report written to " + out.toAbsolutePath());
        return 0;
    }
}
