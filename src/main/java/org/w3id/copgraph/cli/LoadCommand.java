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
                "Each named graph in the input replaces the graph of that name; the result must conform",
                "to the SHACL shapes of ontology/shapes.ttl, or nothing is loaded."})
final class LoadCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "TriG, N-Quads, Turtle, N-Triples, JSON-LD or RDF/XML files.")
    List<Path> files;

    @Override
    public Integer call() {
        try (Copgraph cg = Copgraph.open(options.settings())) {
            long t0 = System.nanoTime();
            Loader.Result r = cg.loader().loadFiles(Caller.local(), files);
            System.out.printf("Loaded %d statements into %d graph(s) in %d ms; the store holds %d statements.%n",
                    r.quads(), r.graphs().size(), (System.nanoTime() - t0) / 1_000_000, cg.store().tripleCount());
            r.graphs().forEach(g -> System.out.println("  " + g));
            return 0;
        }
    }
}
