package org.w3id.copgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.SeedSnapshot;

/**
 * Run by the build ({@code mvn package}, see pom.xml): loads the seed graph into a scratch store
 * as {@code serve} would, and writes that store as the snapshot a new store is given at start.
 */
@Command(name = "seed-snapshot", hidden = true, mixinStandardHelpOptions = true,
        description = {"Load ontology/ and data/ into a scratch store (SHACL-checked, as serve does on an empty",
                "store) and write that store to FILE. The build runs this and puts FILE in the jar: serve",
                "and the commands that seed an empty store then copy it in, when it was made from the",
                "same seed files and base IRI, instead of loading them again."})
final class SeedSnapshotCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
            description = "Directory holding ontology/ and data/ (default: the current directory).")
    Path home;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
            description = "Base of the canonical IRIs (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The snapshot to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Home h = new Home(home.toAbsolutePath().normalize());
        Iris iris = new Iris(base);
        Path work = Files.createTempDirectory("copgraph-seed-snapshot-");
        try {
            Path store = work.resolve("store");
            Settings settings = new Settings(h, store, iris, 0, 120_000, null, null, null, Settings.Serving.DEFAULTS,
                    org.w3id.copgraph.sparql.SparqlLimits.DEFAULT);
            Loader.Result loaded;
            Instant made;
            try (Copgraph cg = Copgraph.open(settings)) {
                loaded = cg.seedIfEmpty(System.err::println);
                made = cg.store().lastModified();
            }
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            SeedSnapshot.write(store, out, Loader.seedFingerprint(h, iris), made, loaded.graphs(), loaded.quads());
            System.err.printf("Seed snapshot of %d statements in %d graphs written to %s (%,d bytes).%n", loaded.quads(),
                    loaded.graphs().size(), out, Files.size(out));
            return 0;
        } finally {
            org.w3id.copgraph.Directories.deleteQuietly(work);
        }
    }
}
