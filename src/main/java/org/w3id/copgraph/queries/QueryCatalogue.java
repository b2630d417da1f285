package org.w3id.copgraph.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.w3id.copgraph.Problem;

/** The curated queries by name: one {@code .rq} file each, read once at start-up. */
public final class QueryCatalogue {

    private final Map<String, CuratedQuery> byName;

    private QueryCatalogue(Map<String, CuratedQuery> byName) {
        this.byName = byName;
    }

    /** Reads every {@code .rq} file of {@code dir}; a malformed one fails with its file and line. */
    public static QueryCatalogue read(Path dir) {
        Map<String, CuratedQuery> map = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                    String file = f.getFileName().toString();
                    String name = file.substring(0, file.length() - 3);
                    map.put(name, QueryFile.parse(name, dir.getFileName() + "/" + file, Files.readString(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new QueryCatalogue(map);
    }

    public Collection<CuratedQuery> list() {
        return byName.values();
    }

    /** The query named {@code name}, or a 404 listing the names there are. */
    public CuratedQuery get(String name) {
        CuratedQuery q = byName.get(name);
        if (q == null) {
            throw Problem.notFound("unknown-query", "No curated query named '" + name
                    + "'. GET /api/queries lists them: " + String.join(", ", byName.keySet()) + ".");
        }
        return q;
    }
}
