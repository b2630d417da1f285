package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedSnapshotTest {

    private static final String G = "https://w3id.org/copgraph/graph/snapshot-test";

    @Test
    void aStoreCopiedFromItsSnapshotHoldsTheSameFilesAndStatementsButNoLock(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("original");
        storeWithOneStatement(original);
        Path file = dir.resolve("seed.bin");
        SeedSnapshot.write(original, file, "fp", Instant.parse("2026-12-02T10:00:00Z"), List.of(G), 1);
        SeedSnapshot seed = SeedSnapshot.inFile(file);
        assertThat(seed.fingerprint()).isEqualTo("fp");
        assertThat(seed.made()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(seed.graphs()).containsExactly(G);

        Path copy = dir.resolve("copy");
        seed.unpackInto(copy);
        Set<Path> originalFiles = files(original);
        assertThat(files(copy)).isEqualTo(originalFiles.stream().filter(p -> !p.getFileName().toString().equals("tdb.lock"))
                .collect(Collectors.toSet()));
        for (Path f : files(copy)) {
            assertThat(Files.readAllBytes(copy.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(original.resolve(f)));
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).as("nothing left beside it")
                .containsExactlyInAnyOrder("original", "seed.bin", "copy");
        try (Store store = Store.open(copy)) {
            int size = store.read(d -> d.getGraph(NodeFactory.createURI(G)).size());
            assertThat(size).isEqualTo(1);
        }
    }

    @Test
    void onlyANewStoreIsGivenTheSnapshot(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("original");
        storeWithOneStatement(original);
        Path file = dir.resolve("seed.bin");
        SeedSnapshot.write(original, file, "fp", Instant.now(), List.of(G), 1);

        Path used = dir.resolve("used");
        Store.open(used).close();
        try (Store store = Store.open(used, SeedSnapshot.inFile(file))) {
            assertThat(store.isEmpty()).as("a store that exists is never overwritten").isTrue();
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        try (Store store = Store.open(empty, SeedSnapshot.inFile(file))) {
            assertThat(store.isEmpty()).isFalse();
        }
    }

    private static void storeWithOneStatement(Path dir) {
        try (Store store = Store.open(dir)) {
            store.writeDerived(G, d -> d.add(Quad.create(NodeFactory.createURI(G), NodeFactory.createURI("urn:a"),
                    NodeFactory.createURI("urn:b"), NodeFactory.createLiteralString("c"))));
        }
    }

    private static Set<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).collect(Collectors.toSet());
        }
    }
}
