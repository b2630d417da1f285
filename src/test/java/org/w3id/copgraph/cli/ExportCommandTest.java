package org.w3id.copgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.store.Store;

class ExportCommandTest {

    @Test
    void exportWritesEveryNamedGraphOfTheStoreAsGzipNQuads(@TempDir Path dir) throws IOException {
        String store = dir.resolve("store").toString();
        assertThat(Main.run("load", "--store", store, "ontology", "data")).isZero();
        Path file = dir.resolve("copgraph.nq.gz");
        assertThat(Main.run("export", "--store", store, "--format", "nq", "--out", file.toString())).isZero();

        DatasetGraph parsed = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(parsed);
        }
        try (Store s = Store.open(Path.of(store))) {
            long quads = s.read(d -> d.stream(Node.ANY, Node.ANY, Node.ANY, Node.ANY).filter(q -> !q.isDefaultGraph()).count());
            assertThat(parsed.stream().count()).isEqualTo(quads).isPositive();
        }
    }

    @Test
    void anUnknownFormatFailsNamingTheFormats(@TempDir Path dir) {
        assertThat(Main.run("export", "--store", dir.resolve("store").toString(), "--format", "xml")).isEqualTo(1);
    }

    @Test
    void exportHasHelp() {
        assertThat(Main.run("export", "--help")).isZero();
    }
}
