package org.w3id.copgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.imports.ImportReport;
import org.w3id.copgraph.imports.Imports;
import org.w3id.copgraph.imports.Mapping;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a JSON or GeoJSON file through a mapping of mappings/ (see docs/imports.md).",
                "The file becomes the whole content of one source graph: resources it no longer",
                "holds are removed, those that did not change are left alone, so the change log",
                "and the event stream (/ldes) show only what changed. The result must conform to",
                "the SHACL shapes, or nothing is imported. No URL is ever fetched.",
                "",
                "A GeoJSON FeatureCollection imports without --mapping (mappings/geojson.yaml)."})
final class ImportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--mapping", paramLabel = "NAME", description = "The mapping: mappings/NAME.yaml (e.g. community-directory-es).")
    String mapping;

    @Option(names = "--graph", paramLabel = "IRI", description = "The source graph to replace (default: the mapping's, or one named after the file).")
    String graph;

    @Option(names = "--title", paramLabel = "TEXT", description = "The source's title (default: the mapping's).")
    String title;

    @Option(names = "--source", paramLabel = "URL", description = "Where the data comes from (default: the mapping's).")
    String source;

    @Option(names = "--license", paramLabel = "IRI", description = "The source's licence (default: the mapping's).")
    String license;

    @Option(names = "--attribution", paramLabel = "TEXT", description = "How to credit the source (default: the mapping's).")
    String attribution;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The JSON or GeoJSON file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw Problem.badRequest("no-such-file", "No file " + file + ".");
        }
        if (Files.size(file) > Imports.MAX_BYTES) {
            throw Problem.badRequest("import-too-large", file + " is larger than an import reads ("
                    + Imports.MAX_BYTES / (1024 * 1024) + " MB); split it.");
        }
        byte[] body = Files.readAllBytes(file);
        Mapping.Source override = new Mapping.Source(title, source, license, attribution, null, null, null, null);
        try (Copgraph cg = Copgraph.open(options.settings())) {
            long t0 = System.nanoTime();
            ImportReport r = cg.imports().run(Caller.local(), mapping, body, graph, file.toAbsolutePath(), override,
                    n -> System.out.printf("  %d records mapped%n", n));
            System.out.printf("Imported %d records into %s in %d ms: %d resources added, %d changed, %d removed"
                            + " (+%d / -%d statements).%n", r.records(), r.graph(), (System.nanoTime() - t0) / 1_000_000,
                    r.added(), r.changed(), r.removed(), r.statementsAdded(), r.statementsRemoved());
            if (r.change() == null) {
                System.out.println("Nothing changed: the graph already held this data.");
            }
            if (!r.warnings().isEmpty()) {
                System.out.printf("%d warning(s):%n", r.warnings().size());
                r.warnings().forEach(w -> System.out.println("  " + w));
            }
            return 0;
        }
    }
}
