package org.w3id.copgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.linkeddata.DumpFormat;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a full dump of the store, the same bytes the server serves at /dumps/.",
                "nt and nq are gzip-compressed (copgraph.nt.gz, copgraph.nq.gz); ttl and jsonld",
                "are plain. nq keeps every named graph; the others hold the union of the graphs.",
                "Without --format, the format follows --out's ending (.nt.gz, .ttl, .jsonld,",
                ".nq.gz); a file name that ends otherwise than its format's bytes is refused."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--format", paramLabel = "nt|ttl|jsonld|nq",
            description = "Dump format (default: the one --out's name ends with, else nt).")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write (default: the dump's own name, e.g. copgraph.nt.gz; '-' for standard output).")
    String out;

    /**
     * The format asked for, checked against the file name: {@code --out x.nq} would otherwise get
     * gzip-compressed N-Triples under a name that promises plain N-Quads.
     */
    static DumpFormat format(String format, String out) {
        boolean toFile = out != null && !out.equals("-");
        DumpFormat byName = toFile ? DumpFormat.byEnding(out) : null;
        if (format == null) {
            if (!toFile || byName != null) {
                return byName == null ? DumpFormat.NT : byName;
            }
            throw Problem.badRequest("bad-file-name", "Cannot tell the format from '" + out + "': name the file ..."
                    + String.join(", ...", java.util.Arrays.stream(DumpFormat.values()).map(DumpFormat::ending).toList())
                    + " (N-Triples and N-Quads dumps are gzip-compressed), or give --format.");
        }
        DumpFormat f = DumpFormat.byShortName(format);
        if (toFile && byName != f) {
            throw Problem.badRequest("bad-file-name", "A " + f.shortName + " dump is " + (f.gzip ? "gzip-compressed " : "")
                    + f.mediaType + "; name the file ..." + f.ending() + " (got '" + out + "'), or write it to '-'.");
        }
        return f;
    }

    @Override
    public Integer call() throws IOException {
        DumpFormat f = format(format, out);
        String target = out == null ? f.fileName : out;
        try (Copgraph cg = Copgraph.open(options.settings())) {
            long t0 = System.nanoTime();
            if (target.equals("-")) {
                OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
                cg.harvest().dumps().write(f, stdout);
                stdout.flush();
                return 0;
            }
            Path file = Path.of(target);
            Instant version;
            try (OutputStream o = Files.newOutputStream(file)) {
                version = cg.harvest().dumps().write(f, o);
            }
            System.err.printf("Wrote %s (%d bytes, data of %s) in %d ms.%n", file, Files.size(file),
                    version == null ? "an empty store" : version, (System.nanoTime() - t0) / 1_000_000);
            return 0;
        }
    }
}
