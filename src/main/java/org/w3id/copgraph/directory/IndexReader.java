package org.w3id.copgraph.directory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;

/**
 * Reads the directory's index from the store with five SPARQL queries through {@link Store#query}
 * (so a remote store serves as well as TDB2): the CoPs' own statements, their practices (kinds,
 * tools), the domains' broader chains, the places, and the labels of everything named.
 */
final class IndexReader {

    private static final String PREFIXES = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <http://schema.org/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            """;
    // Properties are chosen with FILTER(?p IN ...) inside the pattern of one resource, so ARQ looks
    // them up per CoP; a VALUES block there would be read for the whole store first (every label).
    private static final Query COPS = QueryFactory.create(PREFIXES + """
            SELECT ?cop ?p ?o WHERE {
              ?cop a cop:CommunityOfPractice .
              OPTIONAL {
                ?cop ?p ?o
                FILTER(?p IN (rdfs:label, skos:altLabel, dcterms:description, cop:domain, cop:usesTool, cop:hostedBy, cop:inNetwork,
                              schema:location, cop:meetingMode, schema:knowsLanguage, cop:status, cop:lastReviewed))
              }
            }""");
    private static final Query PRACTICES = QueryFactory.create(PREFIXES + """
            SELECT ?cop ?x ?p ?o WHERE {
              ?cop a cop:CommunityOfPractice .
              ?cop cop:hasPractice|^cop:practiceOf ?x .
              OPTIONAL { ?x ?p ?o FILTER(?p IN (cop:practiceKind, cop:usesTool, rdfs:label)) }
            }""");
    /**
     * The direct broader links; their closure is taken here (a concept scheme is small). Not
     * {@code skos:broader+} with both ends open: Virtuoso 7 refuses that ("transitive start not
     * given"), and a front on it could not read the directory.
     */
    private static final Query BROADER = QueryFactory.create(PREFIXES + """
            SELECT DISTINCT ?c ?b WHERE { ?c skos:broader ?b FILTER(isIRI(?c) && isIRI(?b)) }""");
    private static final Query PLACES = QueryFactory.create(PREFIXES + """
            SELECT ?place ?p ?o WHERE {
              { SELECT DISTINCT ?place WHERE { ?cop a cop:CommunityOfPractice ; schema:location ?place } }
              ?place ?p ?o
              FILTER(?p IN (rdfs:label, schema:name, schema:addressLocality, schema:addressCountry, schema:latitude, schema:longitude))
            }""");
    /** Labels of the concepts (domains, kinds, statuses), tools, hosts and networks; practices' come with them. */
    private static final Query LABELS = QueryFactory.create(PREFIXES + """
            SELECT ?x ?l WHERE {
              { SELECT DISTINCT ?x WHERE {
                  { ?x a skos:Concept }
                  UNION { ?cop a cop:CommunityOfPractice . ?cop ?rel ?x FILTER(?rel IN (cop:usesTool, cop:hostedBy, cop:inNetwork, cop:status)) }
                  UNION { ?y cop:usesTool ?x }
              } }
              ?x ?lp ?l
              FILTER(?lp IN (rdfs:label, skos:prefLabel) && isLiteral(?l))
            }""");

    private static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    private static final String ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel";
    private static final String DESCRIPTION = "http://purl.org/dc/terms/description";
    private static final String SCHEMA_NAME = Cop.SCHEMA + "name";

    /** One CoP while it is read. */
    private static final class Acc {
        final String iri;
        final Texts.Builder names = new Texts.Builder();
        final Texts.Builder descriptions = Texts.Builder.longest();
        final List<String> ownTexts = new ArrayList<>();
        final Set<String> domains = new TreeSet<>();
        final Set<String> practices = new TreeSet<>();
        final Set<String> ownTools = new TreeSet<>();
        final Set<String> practiceTools = new TreeSet<>();
        final Set<String> kinds = new TreeSet<>();
        final Set<String> organisations = new TreeSet<>();
        final Set<String> places = new TreeSet<>();
        final Set<String> modes = new TreeSet<>();
        final Set<String> languages = new TreeSet<>();
        final Set<String> statuses = new TreeSet<>();
        LocalDate lastReviewed;

        Acc(String iri) {
            this.iri = iri;
        }
    }

    private static final class PlaceAcc {
        final Texts.Builder labels = new Texts.Builder();
        final Set<String> localities = new TreeSet<>();
        final Set<String> countries = new TreeSet<>();
        Double latitude;
        Double longitude;
    }

    private final Store store;
    private final long timeoutMillis;

    IndexReader(Store store, long timeoutMillis) {
        this.store = store;
        this.timeoutMillis = timeoutMillis;
    }

    DirectoryIndex read() {
        Map<String, Acc> cops = new TreeMap<>();
        select(COPS, b -> {
            Node cop = b.get("cop");
            if (!cop.isURI()) {
                return;
            }
            Acc a = cops.computeIfAbsent(cop.getURI(), Acc::new);
            if (b.get("p") != null && b.get("o") != null) {
                ownStatement(a, b.get("p").getURI(), b.get("o"));
            }
        });
        Map<String, Texts.Builder> labels = new HashMap<>();
        select(PRACTICES, b -> {
            Node cop = b.get("cop");
            Node x = b.get("x");
            if (!cop.isURI() || !x.isURI()) {
                return;
            }
            Acc a = cops.computeIfAbsent(cop.getURI(), Acc::new);
            a.practices.add(x.getURI());
            Node p = b.get("p");
            Node o = b.get("o");
            if (p != null && o != null && o.isURI()) {
                (p.getURI().equals(Cop.NS + "practiceKind") ? a.kinds : a.practiceTools).add(o.getURI());
            } else if (p != null && o != null && o.isLiteral()) {
                labels.computeIfAbsent(x.getURI(), k -> new Texts.Builder()).add(o.getLiteralLanguage(), o.getLiteralLexicalForm());
            }
        });
        Map<String, Set<String>> direct = new HashMap<>();
        select(BROADER, b -> direct.computeIfAbsent(b.get("c").getURI(), k -> new TreeSet<>()).add(b.get("b").getURI()));
        Map<String, Set<String>> broader = broaderClosure(direct);
        Map<String, PlaceAcc> places = new HashMap<>();
        select(PLACES, b -> {
            Node place = b.get("place");
            Node o = b.get("o");
            if (!place.isURI() || !o.isLiteral()) {
                return;
            }
            placeStatement(places.computeIfAbsent(place.getURI(), k -> new PlaceAcc()), b.get("p").getURI(), o);
        });
        Set<String> languages = new TreeSet<>();
        select(LABELS, b -> {
            Node l = b.get("l");
            labels.computeIfAbsent(b.get("x").getURI(), k -> new Texts.Builder()).add(l.getLiteralLanguage(), l.getLiteralLexicalForm());
            if (!l.getLiteralLanguage().isEmpty()) {
                languages.add(l.getLiteralLanguage().toLowerCase(Locale.ROOT));
            }
        });
        Map<String, Texts> labelTexts = new HashMap<>();
        labels.forEach((k, v) -> labelTexts.put(k, v.build()));
        places.forEach((k, v) -> {
            if (!v.labels.isEmpty()) {
                labelTexts.put(k, v.labels.build());
            }
        });
        return build(cops, broader, places, labelTexts, languages);
    }

    private static void ownStatement(Acc a, String p, Node o) {
        if (o.isLiteral()) {
            String text = o.getLiteralLexicalForm();
            String lang = o.getLiteralLanguage();
            switch (p) {
                case RDFS_LABEL -> {
                    a.names.add(lang, text);
                    a.ownTexts.add(text);
                }
                case ALT_LABEL -> a.ownTexts.add(text);
                case DESCRIPTION -> {
                    a.descriptions.add(lang, text);
                    a.ownTexts.add(text);
                }
                case Cop.schemaKnowsLanguage -> {
                    if (!text.isBlank()) {
                        a.languages.add(text.trim().toLowerCase(Locale.ROOT));
                    }
                }
                case Cop.lastReviewed -> {
                    try {
                        LocalDate d = LocalDate.parse(text.trim().length() >= 10 ? text.trim().substring(0, 10) : text.trim());
                        if (a.lastReviewed == null || d.isAfter(a.lastReviewed)) {
                            a.lastReviewed = d;
                        }
                    } catch (DateTimeParseException e) {
                        // Not a date: as if the CoP had not been reviewed.
                    }
                }
                default -> {
                }
            }
            return;
        }
        if (!o.isURI()) {
            return;
        }
        String iri = o.getURI();
        switch (p) {
            case Cop.NS + "domain" -> a.domains.add(iri);
            case Cop.NS + "usesTool" -> a.ownTools.add(iri);
            case Cop.NS + "hostedBy", Cop.NS + "inNetwork" -> a.organisations.add(iri);
            case Cop.schemaLocation -> a.places.add(iri);
            case Cop.meetingMode -> a.modes.add(iri);
            case Cop.status -> a.statuses.add(iri);
            default -> {
            }
        }
    }

    private static void placeStatement(PlaceAcc a, String p, Node o) {
        String text = o.getLiteralLexicalForm().trim();
        switch (p) {
            case RDFS_LABEL, SCHEMA_NAME -> a.labels.add(o.getLiteralLanguage(), text);
            case Cop.schemaAddressLocality -> a.localities.add(text);
            case Cop.schemaAddressCountry -> a.countries.add(text);
            case Cop.schemaLatitude -> a.latitude = number(text);
            case Cop.schemaLongitude -> a.longitude = number(text);
            default -> {
            }
        }
    }

    private static Double number(String text) {
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static DirectoryIndex build(Map<String, Acc> cops, Map<String, Set<String>> broader, Map<String, PlaceAcc> placeAccs,
                                        Map<String, Texts> labels, Set<String> languages) {
        // Raw facet values per CoP, in CoP order; turned into dictionaries and ids below.
        Map<Facet, List<Set<String>>> raw = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            raw.put(f, new ArrayList<>());
        }
        List<Acc> accs = new ArrayList<>(cops.values());
        for (Acc a : accs) {
            Set<String> domains = new TreeSet<>(a.domains);
            a.domains.forEach(d -> domains.addAll(broader.getOrDefault(d, Set.of())));
            raw.get(Facet.DOMAIN).add(domains);
            raw.get(Facet.KIND).add(a.kinds);
            Set<String> tools = new TreeSet<>(a.ownTools);
            tools.addAll(a.practiceTools);
            raw.get(Facet.TOOL).add(tools);
            raw.get(Facet.ORG).add(a.organisations);
            Set<String> where = new TreeSet<>();
            for (String p : a.places) {
                PlaceAcc pa = placeAccs.get(p);
                if (pa != null) {
                    where.addAll(pa.localities);
                    where.addAll(pa.countries);
                }
            }
            raw.get(Facet.PLACE).add(where);
            DirectoryIndex.Mode mode = mode(a.modes);
            raw.get(Facet.ONLINE).add(mode == DirectoryIndex.Mode.ONLINE || mode == DirectoryIndex.Mode.MIXED ? Set.of("yes")
                    : mode == DirectoryIndex.Mode.IN_PERSON || !a.places.isEmpty() ? Set.of("no") : Set.of());
            raw.get(Facet.LANG).add(a.languages);
            raw.get(Facet.STATUS).add(a.statuses.isEmpty() ? Set.of() : Set.of(a.statuses.iterator().next()));
            raw.get(Facet.FRESH).add(Set.of());
        }
        Map<Facet, DirectoryIndex.Dictionary> dictionaries = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            dictionaries.put(f, dictionary(f, raw.get(f)));
        }
        List<DirectoryIndex.Entry> entries = new ArrayList<>();
        Map<String, List<Integer>> related = new HashMap<>();
        for (int i = 0; i < accs.size(); i++) {
            Acc a = accs.get(i);
            int[][] values = new int[Facet.values().length][];
            for (Facet f : Facet.values()) {
                DirectoryIndex.Dictionary d = dictionaries.get(f);
                values[f.ordinal()] = raw.get(f).get(i).stream().mapToInt(d::id).sorted().toArray();
            }
            List<DirectoryIndex.Place> places = new ArrayList<>();
            for (String p : a.places) {
                PlaceAcc pa = placeAccs.getOrDefault(p, new PlaceAcc());
                places.add(new DirectoryIndex.Place(p, pa.labels.build(), String.join(", ", pa.localities),
                        String.join(", ", pa.countries), pa.latitude, pa.longitude));
            }
            Set<String> relatedIris = new LinkedHashSet<>(raw.get(Facet.DOMAIN).get(i));
            relatedIris.addAll(a.practices);
            relatedIris.addAll(raw.get(Facet.TOOL).get(i));
            relatedIris.addAll(a.organisations);
            relatedIris.addAll(a.places);
            List<String> relatedTexts = new ArrayList<>(raw.get(Facet.PLACE).get(i));
            for (String r : relatedIris) {
                related.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
                Texts t = labels.get(r);
                if (t != null) {
                    relatedTexts.addAll(t.byLang().values());
                }
            }
            Set<String> tools = new TreeSet<>(a.ownTools);
            tools.addAll(a.practiceTools);
            entries.add(new DirectoryIndex.Entry(a.iri, a.names.build(), a.descriptions.build(), List.copyOf(a.domains),
                    List.copyOf(a.practices), List.copyOf(tools), List.copyOf(a.organisations), List.copyOf(places),
                    mode(a.modes), List.copyOf(a.languages), a.statuses.isEmpty() ? null : a.statuses.iterator().next(),
                    a.lastReviewed, values, Words.sortedSet(a.ownTexts), Words.sortedSet(relatedTexts)));
        }
        Map<String, int[]> relatedEntries = new HashMap<>();
        related.forEach((k, v) -> relatedEntries.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new DirectoryIndex(entries, dictionaries, labels, languages, relatedEntries);
    }

    /** Online and in person together, or one mode said as mixed, is mixed; nothing said is null. */
    private static DirectoryIndex.Mode mode(Set<String> modes) {
        boolean online = modes.contains(Cop.onlineMode);
        boolean offline = modes.contains(Cop.offlineMode);
        if (modes.contains(Cop.mixedMode) || online && offline) {
            return DirectoryIndex.Mode.MIXED;
        }
        return online ? DirectoryIndex.Mode.ONLINE : offline ? DirectoryIndex.Mode.IN_PERSON : null;
    }

    /**
     * The values of one facet, ids in key order. An IRI's key is its last segment when no other
     * value of the facet ends the same way, else the IRI itself; keys, IRIs and lower-cased keys
     * all look the value up.
     */
    private static DirectoryIndex.Dictionary dictionary(Facet f, List<Set<String>> perCop) {
        Set<String> all = new TreeSet<>();
        perCop.forEach(all::addAll);
        if (f == Facet.ONLINE) {
            all = new LinkedHashSet<>(List.of("yes", "no"));
        } else if (f == Facet.FRESH) {
            all = new LinkedHashSet<>(List.of("fresh", "stale", "never"));
        }
        boolean iris = f != Facet.PLACE && f != Facet.LANG && f != Facet.ONLINE && f != Facet.FRESH;
        Map<String, Integer> shortNames = new HashMap<>();
        if (iris) {
            all.forEach(v -> shortNames.merge(DirectoryIndex.localName(v), 1, Integer::sum));
        }
        Map<String, String> byKey = new TreeMap<>();
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String v : all) {
            String key = iris && shortNames.get(DirectoryIndex.localName(v)) == 1 ? DirectoryIndex.localName(v) : v;
            byKey.put(key, v);
            ordered.put(key, v);
        }
        DirectoryIndex.Dictionary d = new DirectoryIndex.Dictionary();
        Set<String> lowerSeen = new HashSet<>();
        for (var e : (f == Facet.FRESH || f == Facet.ONLINE ? ordered : byKey).entrySet()) {
            int id = d.keys.size();
            d.keys.add(e.getKey());
            d.iris.add(iris ? e.getValue() : null);
            d.lookup.put(e.getKey(), id);
            d.lookup.put(e.getValue(), id);
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            if (lowerSeen.add(lower)) {
                d.lookup.putIfAbsent(lower, id);
            }
        }
        return d;
    }

    private void select(Query q, Consumer<Binding> row) {
        store.query(q, BindingFactory.empty(), timeoutMillis, exec -> {
            exec.select().forEachRemaining(row);
            return null;
        });
    }

    /** Every concept's broader concepts at any distance (skos:broader+), cycles included once. */
    static Map<String, Set<String>> broaderClosure(Map<String, Set<String>> direct) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String c : direct.keySet()) {
            Set<String> all = new TreeSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(direct.get(c));
            while (!todo.isEmpty()) {
                String b = todo.pop();
                if (all.add(b)) {
                    todo.addAll(direct.getOrDefault(b, Set.of()));
                }
            }
            out.put(c, all);
        }
        return out;
    }
}
