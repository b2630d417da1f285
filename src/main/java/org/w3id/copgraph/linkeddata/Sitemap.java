package org.w3id.copgraph.linkeddata;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedValue;

/**
 * Every resource with a page: each typed IRI under {@code {base}id/} (the shapes require every
 * described resource to be typed). Listed once per data version, in IRI order, in files of at
 * most {@link #PER_FILE} URLs as the sitemap protocol asks.
 */
public final class Sitemap {

    public static final int PER_FILE = 50_000;

    private static final Query RESOURCES = QueryFactory.create("""
            SELECT DISTINCT ?s WHERE { ?s a ?t FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(?prefix))) } ORDER BY ?s
            """);

    private final Store store;
    private final Iris iris;
    private final long timeoutMillis;
    private final VersionedValue<List<String>> current;

    public Sitemap(Store store, Iris iris, long timeoutMillis) {
        this.store = store;
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
        this.current = VersionedValue.of(store);
    }

    /** The canonical IRIs of every resource page. */
    public List<String> resources() {
        return current.get(() -> {
            List<String> out = new ArrayList<>();
            store.query(RESOURCES, BindingFactory.binding(Var.alloc("prefix"), NodeFactory.createURI(iris.base() + "id/")),
                    timeoutMillis, exec -> {
                        exec.select().forEachRemaining(b -> out.add(b.get("s").getURI()));
                        return null;
                    });
            return List.copyOf(out);
        });
    }

    public int files() {
        return Math.max(1, (resources().size() + PER_FILE - 1) / PER_FILE);
    }

    /** The IRIs of file {@code n} (from 1). */
    public List<String> file(int n) {
        List<String> all = resources();
        int from = Math.min(all.size(), (n - 1) * PER_FILE);
        return all.subList(from, Math.min(all.size(), from + PER_FILE));
    }
}
