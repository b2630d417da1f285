package org.w3id.copgraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Loader;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load RDF files (or directories of them) into the store, in one transaction.",
                "Each named graph in the input replaces the graph of that name; the result",
                "must conform to the SHACL shapes of ontology/shapes.ttl, or nothing is loaded.",
                "",
                "--bulk: millions of statements into an EMPTY store. Same files and rules,",
                "parsed straight into TDB2's bulk loader; then the same SHACL check of the",
                "whole store (on every core) and one change-log entry. Refused input (bad",
                "syntax or file type, a maintained graph, a failed check) empties the store",
                "again, ready for the next load."})
final class LoadCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @picocli.CommandLine.Option(names = "--bulk", description = "Use TDB2's bulk loader (empty store only; same files as without it).")
    boolean bulk;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "TriG, N-Quads, Turtle, N-Triples, JSON-LD or RDF/XML files.")
    List<Path> files;

    @Override
    public Integer call() {
        try (Copgraph cg = Copgraph.open(options.settings())) {
            long t0 = System.nanoTime();
            if (bulk) {
                var b = cg.loader().bulkLoadFiles(Caller.local(), files, System.err);
                // Not followed by a count of the store: that reads every statement again (seconds at millions).
                System.out.printf("Bulk-loaded %d statements into %d graph(s): %d ms loading, %d ms checking the whole store"
                        + " against the shapes (beside the loading where it fitted in memory; %d ms of it after the loading),"
                        + " %d ms recording the change.%n", b.change().added(), b.change().graphs().size(),
                        b.loadMillis(), b.checkMillis(), b.afterLoadMillis(), b.recordMillis());
                return 0;
            }
            Loader.Result r = cg.loader().loadFiles(Caller.local(), files);
            System.out.printf("Loaded %d statements into %d graph(s) in %d ms; the store holds %d statements.%n",
                    r.quads(), r.graphs().size(), (System.nanoTime() - t0) / 1_000_000, cg.store().tripleCount());
            r.graphs().forEach(g -> System.out.println("  " + g));
            return 0;
        }
    }
}
