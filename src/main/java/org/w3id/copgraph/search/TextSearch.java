package org.w3id.copgraph.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.TextFields;

/**
 * Full-text search over names, alternative names and descriptions, in every language. On the
 * embedded store it asks Jena's text index ({@code text:query}, Lucene), which the one write path
 * keeps current in the same transaction as the data; a remote store has no index, so there it
 * scans the same properties (slower, and a word must appear as typed, accents included).
 *
 * <p>Every word must match, in any of a resource's names or descriptions: a word matches a word
 * that starts with it ("transit" finds "Transition") or is its English singular or plural.
 * Resources whose name is exactly the text come first, then by score: a match in a name counts
 * more than one in an alternative name, which counts more than one in a description.
 */
public final class TextSearch {

    /** A resource found: its IRI, the name to show for it, and how well it matched (higher is better). */
    public record Hit(String iri, String label, double score) {
    }

    /** The most hits one search returns. */
    public static final int MAX_LIMIT = 1000;

    /** How many index entries are read per hit asked for: a resource has several (names, descriptions). */
    private static final int ENTRIES_PER_HIT = 20;
    private static final int MIN_ENTRIES = 200;
    private static final int MAX_ENTRIES = 10_000;

    private static final String PREFIXES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var LIT = Var.alloc("lit");

    private final Store store;
    private final long timeoutMillis;
    private final Query scan;

    public TextSearch(Store store, long timeoutMillis) {
        this.store = store;
        this.timeoutMillis = timeoutMillis;
        // The properties are constants (never user text); inside the pattern, so a remote engine
        // reads only their statements.
        String values = TextFields.allProperties().stream().map(n -> "<" + n.getURI() + ">")
                .collect(java.util.stream.Collectors.joining(" "));
        this.scan = QueryFactory.create(PREFIXES + "SELECT ?s ?lit ?p WHERE {\n  VALUES ?p { " + values + " }\n"
                + "  ?s ?p ?lit .\n  FILTER(isIRI(?s) && isLiteral(?lit) && CONTAINS(LCASE(STR(?lit)), ?word))\n}"
                + " LIMIT " + MAX_ENTRIES);
    }

    /** Whether searches use the text index (the embedded store) rather than a scan (a remote one). */
    public boolean indexed() {
        return store.hasTextIndex();
    }

    /**
     * The resources matching {@code text}, best first, at most {@code limit}. Text with no word
     * in it, too long a text, or a limit outside 1..{@value #MAX_LIMIT} is a 400.
     */
    public List<Hit> find(String text, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("bad-parameter", "The limit must be between 1 and " + MAX_LIMIT + "; got " + limit + ".");
        }
        SearchText search = SearchText.parse(text);
        int entries = Math.min(MAX_ENTRIES, Math.max(MIN_ENTRIES, limit * ENTRIES_PER_HIT));
        List<Entry> found = store.hasTextIndex() ? fromIndex(search, entries) : fromScan(search);
        return rank(search, found, limit);
    }

    /** An index entry (or scanned statement) that matched: whose, which kind of text, its words, its score. */
    record Entry(String iri, TextFields kind, Node literal, double score) {
    }

    private List<Entry> fromIndex(SearchText search, int entries) {
        List<Entry> out = new ArrayList<>();
        for (Store.TextMatch m : store.searchText(luceneQuery(search), entries)) {
            out.add(new Entry(m.subject(), m.kind(), m.literal(), m.score()));
        }
        return out;
    }

    /**
     * The Lucene query for the words: each word as itself (analysed as the index is, so a plural
     * finds the singular) and as a prefix, any word matching. Which resources match every word is
     * decided afterwards, across all their entries ({@link #rank}). The words hold only letters
     * and digits (see {@link SearchText}), so nothing in them is Lucene syntax.
     */
    static String luceneQuery(SearchText search) {
        StringBuilder words = new StringBuilder();
        for (String w : search.folded()) {
            words.append(w).append("^2 ").append(w).append("* ");
        }
        StringBuilder q = new StringBuilder();
        for (TextFields f : TextFields.values()) {
            q.append(f.field()).append(":(").append(words.toString().trim()).append(") ");
        }
        return q.toString().trim();
    }

    private List<Entry> fromScan(SearchText search) {
        // The longest word is the most selective; every word is checked afterwards ({@link #rank}).
        String word = search.words().stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        Binding b = BindingFactory.binding(Var.alloc("word"), NodeFactory.createLiteralString(word));
        return store.query(scan, b, timeoutMillis, exec -> {
            List<Entry> out = new ArrayList<>();
            exec.select().forEachRemaining(r -> {
                Node lit = r.get(LIT);
                // As an index scores: a match in a short text counts more than one in a long text.
                double score = 1.0 / Math.sqrt(Math.max(1, SearchText.tokens(lit.getLiteralLexicalForm()).size()));
                out.add(new Entry(r.get(S).getURI(), TextFields.of(r.get(P)), lit, score));
            });
            return out;
        });
    }

    /** A resource as it is being ranked. */
    private static final class Candidate {
        final String iri;
        final boolean[] covered;
        final Map<TextFields, Double> best = new HashMap<>();
        Node exact;
        Node bestLabel;
        double bestLabelScore = -1;

        Candidate(String iri, int words) {
            this.iri = iri;
            this.covered = new boolean[words];
        }

        boolean coversAll() {
            for (boolean c : covered) {
                if (!c) {
                    return false;
                }
            }
            return true;
        }

        double score() {
            return best.entrySet().stream().mapToDouble(e -> e.getValue() * weight(e.getKey())).sum();
        }
    }

    private static double weight(TextFields kind) {
        return switch (kind) {
            case LABEL -> 3;
            case ALT_LABEL -> 2;
            case DESCRIPTION -> 1;
        };
    }

    private List<Hit> rank(SearchText search, List<Entry> entries, int limit) {
        Map<String, Candidate> byIri = new LinkedHashMap<>();
        String phrase = search.phrase();
        for (Entry e : entries) {
            Candidate c = byIri.computeIfAbsent(e.iri(), i -> new Candidate(i, search.folded().size()));
            List<String> tokens = SearchText.tokens(e.literal().getLiteralLexicalForm());
            for (int i = 0; i < search.folded().size(); i++) {
                String w = search.folded().get(i);
                c.covered[i] |= tokens.stream().anyMatch(t -> SearchText.matches(t, w));
            }
            c.best.merge(e.kind(), e.score(), Math::max);
            if (e.kind() != TextFields.DESCRIPTION) {
                if (c.exact == null && String.join(" ", tokens).equals(phrase)) {
                    c.exact = e.literal();
                }
                if (e.kind() == TextFields.LABEL && e.score() > c.bestLabelScore) {
                    c.bestLabel = e.literal();
                    c.bestLabelScore = e.score();
                }
            }
        }
        List<Candidate> ranked = byIri.values().stream()
                .filter(Candidate::coversAll)
                .sorted(Comparator.comparing((Candidate c) -> c.exact == null)
                        .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
                        .thenComparing(c -> c.iri))
                .limit(limit)
                .toList();
        Map<String, String> names = namesOf(ranked.stream().filter(c -> c.exact == null && c.bestLabel == null).map(c -> c.iri).toList());
        List<Hit> hits = new ArrayList<>(ranked.size());
        for (Candidate c : ranked) {
            String label = c.exact != null ? c.exact.getLiteralLexicalForm()
                    : c.bestLabel != null ? c.bestLabel.getLiteralLexicalForm()
                    : names.getOrDefault(c.iri, lastSegment(c.iri));
            hits.add(new Hit(c.iri, label, c.exact != null ? c.score() + 1000 : c.score()));
        }
        return hits;
    }

    /**
     * The name to show for each resource (found by its description): a name in English, else one
     * without a language, else the first.
     */
    private Map<String, String> namesOf(List<String> iris) {
        if (iris.isEmpty()) {
            return Map.of();
        }
        // VALUES first, so each resource's names are looked up by its IRI.
        org.apache.jena.sparql.syntax.ElementData data = new org.apache.jena.sparql.syntax.ElementData();
        data.add(S);
        data.add(P);
        for (String iri : iris) {
            for (Node p : TextFields.LABEL.properties()) {
                data.add(BindingFactory.binding(BindingFactory.binding(S, NodeFactory.createURI(iri)), P, p));
            }
        }
        org.apache.jena.sparql.syntax.ElementGroup where = new org.apache.jena.sparql.syntax.ElementGroup();
        where.addElement(data);
        where.addTriplePattern(org.apache.jena.graph.Triple.create(S, P, LIT));
        Query q = new Query();
        q.setQuerySelectType();
        q.setQueryPattern(where);
        q.addResultVar(S);
        q.addResultVar(LIT);
        Map<String, Node> best = new HashMap<>();
        store.query(q, BindingFactory.empty(), timeoutMillis, exec -> {
            exec.select().forEachRemaining(r -> best.merge(r.get(S).getURI(), r.get(Var.alloc("lit")),
                    (a, b) -> preference(b) < preference(a) || preference(b) == preference(a)
                            && b.getLiteralLexicalForm().compareTo(a.getLiteralLexicalForm()) < 0 ? b : a));
            return null;
        });
        Map<String, String> out = new HashMap<>();
        best.forEach((iri, lit) -> out.put(iri, lit.getLiteralLexicalForm()));
        return out;
    }

    private static int preference(Node literal) {
        String lang = literal.getLiteralLanguage();
        return lang.equalsIgnoreCase("en") || lang.toLowerCase(java.util.Locale.ROOT).startsWith("en-") ? 0 : lang.isEmpty() ? 1 : 2;
    }

    private static String lastSegment(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }
}
