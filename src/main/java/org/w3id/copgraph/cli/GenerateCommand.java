package org.w3id.copgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.bench.SyntheticEcosystem;
import org.w3id.copgraph.model.Iris;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic CoP ecosystem as TriG (about 210 statements per CoP), for benchmarks.",
                "Shaped like the real model and conforming to ontology/shapes.ttl; the same --cops and --seed"
                        + " always give the same data."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--cops", required = true, paramLabel = "N", description = "How many CoPs.")
    int cops;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output; the name ends in .trig"
            + " (what is written: named graphs need TriG).")
    Path out;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
            description = "Directory holding ontology/ (for the domain concepts; default: the current directory).")
    Path home;

    @Override
    public Integer call() throws IOException {
        if (out != null && !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".trig")) {
            // Every statement is in its source's named graph: N-Triples or Turtle could not hold them.
            throw org.w3id.copgraph.Problem.badRequest("bad-file-name", "generate writes TriG (every statement in a named graph);"
                    + " name the file ....trig (got '" + out + "').");
        }
        Home h = new Home(home.toAbsolutePath().normalize());
        SyntheticEcosystem eco = new SyntheticEcosystem(cops, seed,
                SyntheticEcosystem.domainsOf(h.ontology().resolve("schemes.ttl")), Iris.DEFAULT);
        long t0 = System.nanoTime();
        try (OutputStream os = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out), 1 << 16)) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(os, RDFFormat.TRIG_BLOCKS);
            eco.emit(stream);
        }
        if (out != null) {
            System.err.printf("Wrote %d synthetic CoPs (seed %d) to %s in %d ms.%n", cops, seed, out,
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return 0;
    }
}
