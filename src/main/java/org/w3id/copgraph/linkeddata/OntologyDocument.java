package org.w3id.copgraph.linkeddata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedValue;

/**
 * The ontology as published at {@code https://w3id.org/copgraph/ontology}: the graph loaded from
 * {@code ontology/copgraph.ttl}, plus the scale concepts of {@code schemes.ttl} that live in the
 * ontology's namespace (so {@code /ontology#Strong} is in the document), and one example
 * instance from the data for each class. Rebuilt when the data changes.
 */
public final class OntologyDocument {

    private static final Query GRAPH = QueryFactory.create("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Query EXAMPLE = QueryFactory.create("""
            SELECT ?x WHERE { ?x a ?c FILTER(isIRI(?x)) } ORDER BY ?x LIMIT 1
            """);

    /** One resource of the data that is an instance of a class. */
    public record Example(String iri, String label) {
    }

    /** The document at one data version. */
    public record Snapshot(Graph graph, Map<String, Example> examples, Map<String, String> labels) {

        public String label(String iri) {
            return Labels.orLocalName(labels, iri);
        }
    }

    private final Store store;
    private final Iris iris;
    private final long timeoutMillis;
    private final VersionedValue<Snapshot> current;

    public OntologyDocument(Store store, Iris iris, long timeoutMillis) {
        this.store = store;
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
        this.current = VersionedValue.of(store);
    }

    public Snapshot get() {
        return current.get(this::build);
    }

    private Snapshot build() {
        Graph g = Documents.newGraph();
        read(iris.graph("copgraph"), g, false);
        read(iris.graph("schemes"), g, true);
        Map<String, Example> examples = new HashMap<>();
        List<String> mentioned = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), OWL.Class.asNode()).forEachRemaining(t -> {
            Node c = t.getSubject();
            if (!c.isURI()) {
                return;
            }
            store.query(EXAMPLE, BindingFactory.binding(Var.alloc("c"), c), timeoutMillis, exec -> {
                exec.select().forEachRemaining(b -> examples.put(c.getURI(), new Example(b.get("x").getURI(), null)));
                return null;
            });
        });
        g.find().forEachRemaining(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getObject()}) {
                if (n.isURI()) {
                    mentioned.add(n.getURI());
                }
            }
        });
        examples.values().forEach(e -> mentioned.add(e.iri()));
        Map<String, String> labels = Labels.of(store, new java.util.LinkedHashSet<>(mentioned), timeoutMillis);
        Map<String, Example> labelled = new HashMap<>();
        examples.forEach((c, e) -> labelled.put(c, new Example(e.iri(), Labels.orLocalName(labels, e.iri()))));
        return new Snapshot(g, Map.copyOf(labelled), Map.copyOf(labels));
    }

    /** Copies a graph of the store into {@code into}; with {@code onlyOntologyTerms}, only statements about cop: terms. */
    private void read(String graph, Graph into, boolean onlyOntologyTerms) {
        store.query(GRAPH, BindingFactory.binding(Var.alloc("g"), NodeFactory.createURI(graph)), timeoutMillis, exec -> {
            exec.select().forEachRemaining(b -> {
                Node s = b.get("s");
                if (!onlyOntologyTerms || s.isURI() && s.getURI().startsWith(Cop.NS)) {
                    into.add(Triple.create(s, b.get("p"), b.get("o")));
                }
            });
            return null;
        });
    }

}
