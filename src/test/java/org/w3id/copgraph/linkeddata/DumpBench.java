package org.w3id.copgraph.linkeddata;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.w3id.copgraph.store.Store;

/**
 * N-Triples dump throughput against Jena's riot doing the same job from a file: reading N-Triples
 * and writing them as gzip N-Triples (what {@code riot --output=nt data.nt | gzip -1} does, in one
 * JVM). Best of six runs after a warm-up, as the machine may be shared. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat target/runtime-classpath.txt)
 * org.w3id.copgraph.linkeddata.DumpBench [triples]}.
 */
public final class DumpBench {

    public static void main(String[] args) throws IOException {
        long triples = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("dumpbench");
        Path source = dir.resolve("data.nq");
        generate(source, triples);
        Path storeDir = dir.resolve("store");
        long t0 = System.nanoTime();
        try (Store store = Store.open(storeDir)) {
            store.write(dsg -> RDFParser.source(source).lang(Lang.NQUADS).parse(dsg));
            System.out.printf("Loaded %,d statements in %.1f s%n", store.tripleCount(), (System.nanoTime() - t0) / 1e9);
            Path flat = dir.resolve("data.nt");
            // riot's input: the union as a plain N-Triples file, the same triples the dump holds.
            try (OutputStream o = Files.newOutputStream(flat)) {
                StreamRDF w = StreamRDFWriter.getWriterStream(new BufferedOutputStream(o, 1 << 16), RDFFormat.NTRIPLES_UTF8);
                w.start();
                store.read(d -> {
                    d.getUnionGraph().find().forEachRemaining(w::triple);
                    return null;
                });
                w.finish();
            }
            Dumps dumps = new Dumps(store, dir.resolve("dumps"));
            double best = Double.MAX_VALUE;
            double bestRiot = Double.MAX_VALUE;
            for (int run = 0; run < 7; run++) {
                long a = System.nanoTime();
                try (OutputStream o = Files.newOutputStream(dir.resolve("dump.nt.gz"))) {
                    dumps.write(DumpFormat.NT, o);
                }
                double dump = (System.nanoTime() - a) / 1e9;
                long b = System.nanoTime();
                riot(flat, dir.resolve("riot.nt.gz"));
                double riot = (System.nanoTime() - b) / 1e9;
                System.out.printf("run %d: dump %.2f s, riot %.2f s%n", run, dump, riot);
                if (run > 0) {
                    best = Math.min(best, dump);
                    bestRiot = Math.min(bestRiot, riot);
                }
            }
            long n = store.read(d -> d.getUnionGraph().size()) + 0L;
            System.out.printf("N-Triples dump: %,.0f triples/s; riot file-to-file: %,.0f triples/s; ratio %.2f (goal >= 0.9)%n",
                    n / best, n / bestRiot, bestRiot / best);
            System.out.printf("sizes: dump %,d bytes, riot %,d bytes%n",
                    Files.size(dir.resolve("dump.nt.gz")), Files.size(dir.resolve("riot.nt.gz")));
        }
    }

    private static void riot(Path in, Path out) throws IOException {
        try (OutputStream o = Files.newOutputStream(out); GZIPOutputStream gz = new GZIPOutputStream(o, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            BufferedOutputStream buffered = new BufferedOutputStream(gz, 1 << 16);
            StreamRDF w = StreamRDFWriter.getWriterStream(buffered, RDFFormat.NTRIPLES_UTF8);
            w.start();
            RDFParser.source(in).lang(Lang.NTRIPLES).parse(w);
            w.finish();
            buffered.flush();
        }
    }

    /** A synthetic ecosystem: CoPs, people and memberships spread over source graphs. */
    private static void generate(Path file, long triples) throws IOException {
        Random rnd = new Random(42);
        String base = "https://w3id.org/copgraph/";
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            long written = 0;
            for (long i = 0; written < triples; i++) {
                String g = "<" + base + "graph/source-" + (i % 50) + ">";
                String s = "<" + base + "id/person/p" + i + ">";
                w.write(s + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> " + g + " .\n");
                w.write(s + " <http://www.w3.org/2000/01/rdf-schema#label> \"Person number " + i + "\"@en " + g + " .\n");
                w.write(s + " <http://www.w3.org/ns/org#memberOf> <" + base + "id/cop/c" + rnd.nextInt(5000) + "> " + g + " .\n");
                w.write(s + " <http://schema.org/startDate> \"20" + (10 + rnd.nextInt(15)) + "-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> " + g + " .\n");
                w.write(s + " <http://purl.org/dc/terms/description> \"A member who brings practice " + rnd.nextInt(100000) + " to the community\" " + g + " .\n");
                written += 5;
            }
        }
    }
}
