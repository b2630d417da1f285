package org.w3id.copgraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;

/** The data contract: the SHACL shapes of {@code ontology/shapes.ttl}, checked on every load. */
public final class Shacl {

    private final Shapes shapes;
    private final java.util.Map<Node, java.util.Set<Node>> impliedTypes;

    public Shacl(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
        this.impliedTypes = ImpliedTypes.from(shapesGraph);
    }

    /**
     * The types an instance of {@code type} must also have by the shapes ({@code sh:hasValue} on
     * {@code rdf:type} in a shape targeting it, and so on for those), e.g. a CoP is also
     * {@code org:Organization} and {@code foaf:Group}: the write path adds them (see {@code curation.Curation}).
     */
    public java.util.Set<Node> impliedTypes(Node type) {
        return impliedTypes.getOrDefault(type, java.util.Set.of());
    }

    /**
     * The statements {@link #impliedTypes} adds to a whole dataset: for each typed subject, the
     * implied types its data does not already state, in the graph that typed it. The bulk loader
     * and {@code validate} use this, so they accept and refuse what an ordinary load does.
     */
    public java.util.Set<org.apache.jena.sparql.core.Quad> impliedTypeStatements(org.apache.jena.sparql.core.DatasetGraph data) {
        Node type = org.apache.jena.vocabulary.RDF.type.asNode();
        Graph union = data.getUnionGraph();
        java.util.Set<org.apache.jena.sparql.core.Quad> out = new java.util.LinkedHashSet<>();
        for (var e : impliedTypes.entrySet()) {
            data.find(Node.ANY, Node.ANY, type, e.getKey()).forEachRemaining(q -> {
                for (Node implied : e.getValue()) {
                    if (!union.contains(q.getSubject(), type, implied)) {
                        out.add(org.apache.jena.sparql.core.Quad.create(q.getGraph(), q.getSubject(), type, implied));
                    }
                }
            });
        }
        return out;
    }

    /**
     * {@link #impliedTypeStatements} for a graph without graph names (the union a bulk load keeps
     * in memory): the same subjects get the same types, which is all the check looks at.
     */
    public java.util.Set<org.apache.jena.graph.Triple> impliedTypeTriples(Graph union) {
        Node type = org.apache.jena.vocabulary.RDF.type.asNode();
        java.util.Set<org.apache.jena.graph.Triple> out = new java.util.LinkedHashSet<>();
        for (var e : impliedTypes.entrySet()) {
            union.find(Node.ANY, type, e.getKey()).forEachRemaining(t -> {
                for (Node implied : e.getValue()) {
                    if (!union.contains(t.getSubject(), type, implied)) {
                        out.add(org.apache.jena.graph.Triple.create(t.getSubject(), type, implied));
                    }
                }
            });
        }
        return out;
    }

    public static Shacl fromFile(Path shapesFile) {
        return new Shacl(RDFDataMgr.loadGraph(shapesFile.toString()));
    }

    /** The shapes of a file written against the default base, for a deployment on {@code iris}' base. */
    public static Shacl fromFile(Path shapesFile, org.w3id.copgraph.model.Iris iris) {
        return new Shacl(loadShapes(shapesFile, iris));
    }

    /**
     * A shapes file as a graph, its resource IRIs ({@code id/scheme/domains} in an sh:hasValue)
     * moved onto {@code iris}' base as the data's are on load, so both still meet.
     */
    public static Graph loadShapes(Path shapesFile, org.w3id.copgraph.model.Iris iris) {
        Graph g = RDFDataMgr.loadGraph(shapesFile.toString());
        if (org.w3id.copgraph.model.Iris.DEFAULT_BASE.equals(iris.base())) {
            return g;
        }
        Graph rebased = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEach(t -> rebased.add(org.apache.jena.graph.Triple.create(iris.rebase(t.getSubject()), t.getPredicate(),
                iris.rebase(t.getObject()))));
        return rebased;
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
    public Report check(Graph data, java.util.Collection<Node> focus) {
        List<Violation> entries = new ArrayList<>();
        for (Node n : focus) {
            ShaclValidator.get().validate(shapes, data, n).getEntries().forEach(e -> entries.add(violation(e)));
        }
        boolean conforms = entries.stream().noneMatch(v -> v.severity().equals("Violation"));
        return new Report(conforms, entries);
    }

    /**
     * Reads a graph that does not change while it is checked, in whatever transaction it needs
     * (see {@link Store#readUnion}); called from several threads at once.
     */
    public interface Reader {
        <T> T read(java.util.function.Function<Graph, T> action);

        /** An in-memory graph, which needs no transaction and takes concurrent reads. */
        static Reader of(Graph graph) {
            return new Reader() {
                @Override
                public <T> T read(java.util.function.Function<Graph, T> action) {
                    return action.apply(graph);
                }
            };
        }
    }

    /**
     * A whole graph (such as the store's union graph) checked as {@link #check(Graph)} checks it,
     * but on {@code threads} threads, each reading through {@code reader} (for a store: in its
     * own read transaction): Jena's validator, which is
     * single-threaded and makes one index lookup per focus node and constraint, leaves the other
     * cores idle, and a bulk load waits for it. The work is Jena's own
     * ({@code ValidationProc.plainValidation}: each target shape's focus nodes, each validated by
     * {@link VLib#validateShape}), cut into slices of focus nodes; the results are put back in the
     * order the single-threaded validator finds them, so the report is the same.
     */
    public Report check(Reader reader, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2 * threads), daemon(), new ThreadPoolExecutor.CallerRunsPolicy());
        List<Future<List<ReportEntry>>> slices = new ArrayList<>();
        try {
            for (Shape shape : shapes.getTargetShapes()) {
                // One shape's focus nodes at a time, and a bounded queue: memory stays small at any size.
                List<Node> focus = reader.read(g -> List.copyOf(VLib.focusNodes(g, shape)));
                for (int from = 0; from < focus.size(); from += SLICE) {
                    List<Node> slice = focus.subList(from, Math.min(focus.size(), from + SLICE));
                    slices.add(pool.submit(() -> reader.read(g -> validate(g, shape, slice))));
                }
            }
            List<Violation> entries = new ArrayList<>();
            for (Future<List<ReportEntry>> f : slices) {
                f.get().forEach(e -> entries.add(violation(e)));
            }
            boolean conforms = entries.stream().noneMatch(v -> v.severity().equals("Violation"));
            return new Report(conforms, entries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the shapes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static final int SLICE = 2_000;

    private List<ReportEntry> validate(Graph data, Shape shape, List<Node> focus) {
        ValidationContext context = ValidationContext.create(shapes, data);
        for (Node n : focus) {
            VLib.validateShape(context, data, shape, n);
        }
        // hasViolation() is true after any result. Building a report costs an RDF model each time:
        // only worth it when there is something in it.
        return context.hasViolation() ? List.copyOf(context.generateReport().getEntries()) : List.of();
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "shacl-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
