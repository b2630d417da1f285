package org.w3id.copgraph.store;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/** The data contract: the SHACL shapes of {@code ontology/shapes.ttl}, checked on every load. */
public final class Shacl {

    private final Shapes shapes;

    public Shacl(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
    }

    public static Shacl fromFile(Path shapesFile) {
        return new Shacl(RDFDataMgr.loadGraph(shapesFile.toString()));
    }

    public Report check(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<Violation> entries = report.getEntries().stream().map(Shacl::violation).toList();
        boolean conforms = entries.stream().noneMatch(v -> v.severity().equals("Violation"));
        return new Report(conforms, entries);
    }

    /**
     * Checks only the given nodes (and only the shapes that target them): what a change touched,
     * rather than the whole store.
     */
    public Report check(Graph data, java.util.Collection<org.apache.jena.graph.Node> focus) {
        List<Violation> entries = new java.util.ArrayList<>();
        for (org.apache.jena.graph.Node n : focus) {
            ShaclValidator.get().validate(shapes, data, n).getEntries().forEach(e -> entries.add(violation(e)));
        }
        boolean conforms = entries.stream().noneMatch(v -> v.severity().equals("Violation"));
        return new Report(conforms, entries);
    }

    private static Violation violation(ReportEntry e) {
        return new Violation(
                e.focusNode() == null ? "" : e.focusNode().toString(),
                e.resultPath() == null ? "" : e.resultPath().toString(),
                e.message(),
                e.severity() == null ? "Violation" : localName(e.severity()));
    }

    private static String localName(Severity s) {
        String iri = s.level().getURI();
        return iri.substring(iri.indexOf('#') + 1);
    }

    /** One SHACL result, in words a curator can act on. */
    public record Violation(String focus, String path, String message, String severity) {
        public String text() {
            return severity + " on " + focus + (path.isEmpty() ? "" : " " + path) + ": " + message;
        }
    }

    public record Report(boolean conforms, List<Violation> violations) {
        public String text() {
            if (violations.isEmpty()) {
                return "Conforms: no violations.";
            }
            StringBuilder b = new StringBuilder(conforms ? "Conforms, with warnings:\n" : violations.size() + " SHACL result(s):\n");
            violations.forEach(v -> b.append("  - ").append(v.text()).append('\n'));
            return b.toString();
        }
    }
}
