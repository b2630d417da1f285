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
                    CuratedQuery q = QueryFile.parse(name, dir.getFileName() + "/" + file, Files.readString(f));
                    map.put(name, q.usesTextIndex() ? q.withFallback(fallback(dir, file, q)) : q);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new QueryCatalogue(map);
    }

    /**
     * The text of a text-index query for a store without the index (see {@link CuratedQuery}):
     * required, so such a query never silently answers nothing on a remote store.
     */
    private static org.apache.jena.query.Query fallback(Path dir, String file, CuratedQuery q) throws IOException {
        Path f = dir.resolve(FALLBACK_DIR).resolve(file);
        String label = dir.getFileName() + "/" + FALLBACK_DIR + "/" + file;
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException(dir.getFileName() + "/" + file + " asks the text index (text:query); it needs "
                    + label + ", the same query for a store without one (a remote store).");
        }
        org.apache.jena.query.Query fallback;
        try {
            fallback = org.apache.jena.query.QueryFactory.create(Files.readString(f));
        } catch (org.apache.jena.query.QueryParseException e) {
            throw new IllegalStateException(label + ": " + e.getMessage(), e);
        }
        if (Files.readString(f).contains(CuratedQuery.TEXT_NS)) {
            throw new IllegalStateException(label + " must not ask the text index: it is for stores without one.");
        }
        if (!fallback.getResultVars().equals(q.query().getResultVars())) {
            throw new IllegalStateException(label + " must give the columns of " + file + ": " + q.query().getResultVars()
                    + ", not " + fallback.getResultVars() + ".");
        }
        return fallback;
    }

    /** Where the texts for stores without a text index live, beside the curated queries. */
    static final String FALLBACK_DIR = "without-text-index";

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
