package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.store.Store;

/**
 * Reads what a Kumu element shows besides what the network holds: a description (English first),
 * a web page and an image, for the resources of one view, in chunks of a VALUES block.
 */
public final class KumuDetails {

    private static final Query DETAILS = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX schema: <http://schema.org/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?x ?d ?u ?i WHERE {
              { ?x dcterms:description|schema:description|rdfs:comment ?d FILTER(isLiteral(?d)) }
              UNION { ?x foaf:homepage|schema:url ?u FILTER(isIRI(?u)) }
              UNION { ?x schema:image|schema:logo|foaf:logo|foaf:depiction ?i FILTER(isIRI(?i)) }
            }""");
    private static final Var X = Var.alloc("x");
    private static final int CHUNK = 500;

    private KumuDetails() {
    }

    public static Map<String, KumuBlueprint.Details> read(Store store, Collection<String> iris, long timeoutMillis) {
        Map<String, String[]> found = new HashMap<>();
        Map<String, Integer> descriptionRank = new HashMap<>();
        List<String> all = new ArrayList<>(iris);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Binding> rows = new ArrayList<>();
            for (String iri : all.subList(from, Math.min(all.size(), from + CHUNK))) {
                rows.add(BindingFactory.binding(X, NodeFactory.createURI(iri)));
            }
            Query q = DETAILS.cloneQuery();
            q.setValuesDataBlock(List.of(X), rows);
            store.query(q, BindingFactory.empty(), timeoutMillis, exec -> {
                exec.select().forEachRemaining(b -> {
                    String[] d = found.computeIfAbsent(b.get("x").getURI(), k -> new String[3]);
                    if (b.contains("d")) {
                        String lang = b.get("d").getLiteralLanguage();
                        int rank = lang.equals("en") || lang.startsWith("en-") ? 0 : lang.isEmpty() ? 1 : 2;
                        int known = descriptionRank.getOrDefault(b.get("x").getURI(), 3);
                        String text = b.get("d").getLiteralLexicalForm();
                        if (rank < known || rank == known && text.compareTo(d[0]) < 0) {
                            descriptionRank.put(b.get("x").getURI(), rank);
                            d[0] = text;
                        }
                    }
                    // Of several pages or images, the first in IRI order, so that the export is the same every time.
                    if (b.contains("u") && (d[1] == null || b.get("u").getURI().compareTo(d[1]) < 0)) {
                        d[1] = b.get("u").getURI();
                    }
                    if (b.contains("i") && (d[2] == null || b.get("i").getURI().compareTo(d[2]) < 0)) {
                        d[2] = b.get("i").getURI();
                    }
                });
                return null;
            });
        }
        Map<String, KumuBlueprint.Details> out = new HashMap<>();
        found.forEach((iri, d) -> out.put(iri, new KumuBlueprint.Details(d[0], d[1], d[2])));
        return out;
    }
}
