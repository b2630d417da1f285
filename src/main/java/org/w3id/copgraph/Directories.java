package org.w3id.copgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories: a seed snapshot's copy, a benchmark's stores. */
public final class Directories {

    private Directories() {
    }

    /** Deletes {@code dir} and everything in it, as far as it can; what is left is left for the operator. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch directory left behind is harmless, and named so that it can be found.
        }
    }
}
