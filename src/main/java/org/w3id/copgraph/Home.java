package org.w3id.copgraph;

import java.nio.file.Path;

/**
 * The layout copgraph reads its content from: {@code ontology/} (OWL, SHACL shapes, SKOS
 * schemes), {@code data/} (one TriG file per source) and {@code queries/} (curated queries).
 * By default the working directory, i.e. a checkout of the repository.
 */
public record Home(Path root) {

    public static Home current() {
        return new Home(Path.of("").toAbsolutePath());
    }

    public Path ontology() {
        return root.resolve("ontology");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path queries() {
        return root.resolve("queries");
    }

    /** Mapping files for imports (see {@code imports.Mappings}; the jar carries copies). */
    public Path mappings() {
        return root.resolve("mappings");
    }

    public Path shapes() {
        return ontology().resolve("shapes.ttl");
    }
}
