package org.w3id.copgraph.linkeddata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.i18n.LanguageChain;
import org.w3id.copgraph.store.Store;

/**
 * Readable names for IRIs: the best label the store holds (the language asked for first, then
 * English, then untagged, then Italian, then any), else the IRI's local name with its camel case
 * split ("hostedBy" → "hosted by"). Public for the review pages, which label a proposal's IRIs.
 */
public final class Labels {

    private static final Query LABELS = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX schema: <http://schema.org/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?x ?l WHERE { ?x rdfs:label|skos:prefLabel|foaf:name|schema:name|dcterms:title ?l FILTER(isLiteral(?l)) }
            """);
    private static final Var X = Var.alloc("x");
    /** Larger sets are asked in chunks, to keep each query's VALUES block small. */
    private static final int CHUNK = 500;

    private Labels() {
    }

    /** Labels of the IRIs given, as far as the store knows them. */
    static Map<String, String> of(Store store, Collection<String> iris, long timeoutMillis) {
        return of(store, iris, timeoutMillis, null);
    }

    /** Labels of the IRIs given, in {@code language} (a BCP 47 tag, or null) where the store has one. */
    public static Map<String, String> of(Store store, Collection<String> iris, long timeoutMillis, String language) {
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> rank = new HashMap<>();
        List<String> all = new ArrayList<>(iris);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Binding> rows = new ArrayList<>();
            for (String iri : all.subList(from, Math.min(all.size(), from + CHUNK))) {
                rows.add(BindingFactory.binding(X, NodeFactory.createURI(iri)));
            }
            Query q = LABELS.cloneQuery();
            q.setValuesDataBlock(List.of(X), rows);
            store.query(q, BindingFactory.empty(), timeoutMillis, exec -> {
                exec.select().forEachRemaining(b -> {
                    String x = b.get("x").getURI();
                    Node l = b.get("l");
                    int r = rank(l.getLiteralLanguage(), language);
                    Integer seen = rank.get(x);
                    // Among equals the shortest reads best as a link text.
                    if (seen == null || r < seen || r == seen && l.getLiteralLexicalForm().length() < best.get(x).length()) {
                        rank.put(x, r);
                        best.put(x, l.getLiteralLexicalForm());
                    }
                });
                return null;
            });
        }
        return best;
    }

    /**
     * Every label of the IRIs given, by language ("" untagged), the shortest per language (it
     * reads best as a link text): what a cached description keeps, so that one cached copy
     * serves readers of every language and each page picks by its own {@link LanguageChain}.
     */
    public static Map<String, Map<String, String>> allOf(Store store, Collection<String> iris, long timeoutMillis) {
        Map<String, Map<String, String>> out = new HashMap<>();
        List<String> all = new ArrayList<>(iris);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Binding> rows = new ArrayList<>();
            for (String iri : all.subList(from, Math.min(all.size(), from + CHUNK))) {
                rows.add(BindingFactory.binding(X, NodeFactory.createURI(iri)));
            }
            Query q = LABELS.cloneQuery();
            q.setValuesDataBlock(List.of(X), rows);
            store.query(q, BindingFactory.empty(), timeoutMillis, exec -> {
                exec.select().forEachRemaining(b -> {
                    Node l = b.get("l");
                    String lang = l.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT);
                    String text = l.getLiteralLexicalForm();
                    out.computeIfAbsent(b.get("x").getURI(), k -> new TreeMap<>()).merge(lang, text,
                            (a, c) -> c.length() < a.length() || c.length() == a.length() && c.compareTo(a) < 0 ? c : a);
                });
                return null;
            });
        }
        Map<String, Map<String, String>> frozen = new HashMap<>();
        out.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        return Map.copyOf(frozen);
    }

    /** The label of {@code iri} for a reader of {@code chain}, with its language; null when the store has none. */
    public static LanguageChain.Picked pick(Map<String, Map<String, String>> all, String iri, LanguageChain chain) {
        return iri == null ? null : chain.pick(all.get(iri));
    }

    /** Lower is better: the language asked for (or a regional variant of it), then as {@link #rank(String)}. */
    public static int rank(String lang, String asked) {
        String l = lang.toLowerCase(java.util.Locale.ROOT);
        if (asked != null && !asked.isEmpty() && (l.equals(asked) || l.startsWith(asked + "-"))) {
            return 0;
        }
        return 1 + rank(l);
    }

    private static int rank(String lang) {
        if (lang.equals("en") || lang.startsWith("en-")) {
            return 0;
        }
        return lang.isEmpty() ? 1 : lang.equals("it") ? 2 : 3;
    }

    static String orLocalName(Map<String, String> labels, String iri) {
        if (iri == null) {
            return "";
        }
        String l = labels.get(iri);
        return l != null ? l : localName(iri);
    }

    /** "https://w3id.org/copgraph/ontology#hostedBy" → "hosted by"; ".../id/cop/urbana" → "urbana". */
    public static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String local = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(local.charAt(i - 1))) {
                b.append(' ').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
