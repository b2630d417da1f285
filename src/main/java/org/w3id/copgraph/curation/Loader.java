package org.w3id.copgraph.curation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.RdfFiles;
import org.w3id.copgraph.store.Shacl;
import org.w3id.copgraph.store.Store;

/**
 * Loads RDF files into the store: everything is parsed first, then handed to the one write path
 * as a single change that replaces each named graph the files carry. So loading the same files
 * twice leaves the same store, and a file that breaks the shapes leaves it untouched.
 */
public final class Loader {

    /** Who the start-up load of the seed graph is recorded as. */
    public static final Caller BOOTSTRAP = new Caller("copgraph-bootstrap", Role.ADMIN);

    private final Store store;
    private final Curation curation;
    private final Home home;
    private final Iris iris;

    public Loader(Store store, Curation curation, Home home, Iris iris) {
        this.store = store;
        this.curation = curation;
        this.home = home;
        this.iris = iris;
    }

    public record Result(List<String> graphs, long quads) {
    }

    /** Loads the ontology and the data of the home directory, if the store holds nothing yet. */
    public Result loadSeedIfEmpty() {
        if (!store.isEmpty()) {
            return new Result(List.of(), 0);
        }
        return load(BOOTSTRAP, RdfFiles.read(seedFiles(home), iris));
    }

    /** The files the seed graph is loaded from: those of {@code ontology/}, then those of {@code data/}. */
    public static List<Path> seedFiles(Home home) {
        return RdfFiles.expand(List.of(home.ontology(), home.data()));
    }

    /**
     * What the seed load of {@code home} under {@code iris} depends on, as one hash: the base IRI
     * (data files are rebased on load) and every seed file's name and bytes. A {@link
     * org.w3id.copgraph.store.SeedSnapshot} made with the same fingerprint holds what that load
     * would write.
     */
    public static String seedFingerprint(Home home, Iris iris) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            update(sha, "copgraph seed 1\n" + iris.base() + "\n");
            for (Path f : seedFiles(home)) {
                update(sha, f.getParent().getFileName() + "/" + f.getFileName() + "\n");
                byte[] bytes = java.nio.file.Files.readAllBytes(f);
                update(sha, bytes.length + "\n");
                sha.update(bytes);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void update(java.security.MessageDigest sha, String s) {
        sha.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Result loadFiles(Caller caller, List<Path> files) {
        return load(caller, RdfFiles.read(files, iris));
    }

    /**
     * Loads large files into an empty store with TDB2's bulk loader, then checks and records the
     * result as one change (see {@link Curation#bulkLoadIntoEmpty}).
     */
    public Curation.BulkLoad bulkLoadFiles(Caller caller, List<Path> files, java.io.PrintStream progress) {
        return curation.bulkLoadIntoEmpty(caller, RdfFiles.expand(files), progress);
    }

    private Result load(Caller caller, DatasetGraph incoming) {
        List<String> graphs = new ArrayList<>();
        incoming.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
        long quads = incoming.stream().count();
        curation.apply(caller, new Change.Import(incoming, true, "load"));
        return new Result(graphs, quads);
    }

    /** Checks files, together with the ontology (for class hierarchies), without touching the store. */
    public static Shacl.Report validate(Home home, Iris iris, List<Path> files) {
        List<Path> all = new ArrayList<>();
        all.add(home.ontology());
        all.addAll(files);
        DatasetGraph d = RdfFiles.read(all, iris);
        Shacl shacl = Shacl.fromFile(home.shapes(), iris);
        // As a load would: the types the shapes imply are added before the check.
        shacl.impliedTypeStatements(d).forEach(d::add);
        return shacl.check(d.getUnionGraph());
    }
}
