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
    void theFormatFollowsTheFileName(@TempDir Path dir) throws IOException {
        String store = dir.resolve("store").toString();
        assertThat(Main.run("load", "--store", store, "ontology", "data")).isZero();
        Path file = dir.resolve("all.nq.gz");
        assertThat(Main.run("export", "--store", store, "--out", file.toString())).isZero();
        DatasetGraph parsed = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(parsed);
        }
        assertThat(parsed.listGraphNodes()).toIterable().isNotEmpty();
    }

    @Test
    void aFileNameThatContradictsTheBytesIsRefused(@TempDir Path dir) {
        String store = dir.resolve("store").toString();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        try {
            // Today: gzip-compressed N-Triples in a file named .nq, and gzip in a file named .nq.
            assertThat(Main.run("export", "--store", store, "--out", dir.resolve("x.nq").toString())).isEqualTo(1);
            assertThat(Main.run("export", "--store", store, "--format", "nq", "--out", dir.resolve("x.nq").toString())).isEqualTo(1);
            assertThat(Main.run("export", "--store", store, "--format", "ttl", "--out", dir.resolve("x.nt.gz").toString())).isEqualTo(1);
            assertThat(Main.run("generate", "--cops", "1", "--out", dir.resolve("x.nt").toString())).isEqualTo(1);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString()).contains(".nq.gz").contains(".ttl").contains(".trig");
        assertThat(dir.resolve("x.nq")).doesNotExist();
        assertThat(dir.resolve("x.nt")).doesNotExist();
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
