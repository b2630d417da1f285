package org.w3id.copgraph.proposals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.linkeddata.Labels;
import org.w3id.copgraph.linkeddata.Terms;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Shacl;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.view.Link;
import org.w3id.copgraph.view.Value;

/**
 * Computes what the review pages show: a proposal's added and removed statements as a readable
 * {@link DiffView} against the current data, and the SHACL report of the data as it would be
 * after accepting it (see {@link Curation#preview}). Reads only; changes nothing.
 */
public final class ReviewDiff {

    /** The properties whose values name a thing (as {@link Labels} reads them). */
    private static final Set<String> LABEL_PROPERTIES = Set.of("http://www.w3.org/2000/01/rdf-schema#label",
            "http://www.w3.org/2004/02/skos/core#prefLabel", "http://xmlns.com/foaf/0.1/name", "http://schema.org/name",
            "http://purl.org/dc/terms/title");
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    /** Current values shown for context per subject and property; a long list says little more. */
    private static final int KEPT_PER_PROPERTY = 20;

    private final Store store;
    private final Curation curation;
    private final Iris iris;
    private final long timeoutMillis;

    public ReviewDiff(Store store, Curation curation, Iris iris, long timeoutMillis) {
        this.store = store;
        this.curation = curation;
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
    }

    /** The review page of {@code p}, labels in {@code language} where the data has them. */
    public ReviewView view(Proposal p, String language) {
        DiffView diff = diff(p.added(), p.removed(), p.target(), language, p.pending());
        ReviewView.ReportView report = null;
        ReviewView.Decision decision = null;
        if (p.pending()) {
            report = reportView(report(p.added(), p.removed()), p.added(), language);
        } else {
            decision = new ReviewView.Decision(p.reviewer(), String.valueOf(p.decided()), p.comment(),
                    p.change() == null ? null : Terms.link(iris, p.change(), shortName(p.change())),
                    p.graph() == null ? null : Terms.link(iris, p.graph(), shortName(p.graph())));
        }
        Namer names = new Namer(Labels.of(store, List.of(p.target()), timeoutMillis, language), p.added(), language);
        return new ReviewView(p.id(), p.kind(), link(p.target(), names.label(p.target())), p.proposer(), p.contact(), p.note(),
                String.valueOf(p.submitted()), p.status().label(), decision, diff, report, p.statusPath());
    }

    /** {@code /review}: pending proposals newest first, then the latest {@code decidedShown} decided ones. */
    public ReviewQueueView queue(List<Proposal> all, int decidedShown, String language) {
        Set<String> targets = new LinkedHashSet<>();
        all.forEach(p -> targets.add(p.target()));
        Map<String, String> stored = Labels.of(store, targets, timeoutMillis, language);
        Comparator<Proposal> newestFirst = Comparator.comparing(Proposal::submitted).reversed();
        List<ReviewQueueView.Entry> pending = all.stream().filter(Proposal::pending).sorted(newestFirst)
                .map(p -> entry(p, stored, language)).toList();
        List<ReviewQueueView.Entry> decided = all.stream().filter(p -> !p.pending())
                .sorted(Comparator.comparing((Proposal p) -> p.decided() == null ? p.submitted() : p.decided()).reversed())
                .limit(decidedShown).map(p -> entry(p, stored, language)).toList();
        return new ReviewQueueView(pending, decided);
    }

    private ReviewQueueView.Entry entry(Proposal p, Map<String, String> stored, String language) {
        Namer names = new Namer(stored, p.added(), language);
        return new ReviewQueueView.Entry(Link.to("/review/" + p.id(), p.id()), p.kind(), link(p.target(), names.label(p.target())),
                p.proposer(), String.valueOf(p.submitted()), p.added().size(), p.removed().size(), p.status().label());
    }

    /** The SHACL results with their focus nodes and paths by label. */
    ReviewView.ReportView reportView(Shacl.Report report, Graph added, String language) {
        Set<String> named = new LinkedHashSet<>();
        for (Shacl.Violation v : report.violations()) {
            if (isIri(v.focus())) {
                named.add(v.focus());
            }
            String path = pathIri(v.path());
            if (path != null) {
                named.add(path);
            }
        }
        Namer names = new Namer(Labels.of(store, named, timeoutMillis, language), added, language);
        List<ReviewView.Issue> issues = new ArrayList<>();
        for (Shacl.Violation v : report.violations()) {
            Link focus = isIri(v.focus()) ? link(v.focus(), names.label(v.focus())) : Link.to("#diff", "an unnamed node");
            String path = pathIri(v.path());
            Link pathLink = path != null ? link(path, names.label(path)) : v.path().isEmpty() ? null : new Link("#diff", v.path(), null, false);
            issues.add(new ReviewView.Issue(v.severity(), focus, pathLink, v.message()));
        }
        return new ReviewView.ReportView(report.conforms(), List.copyOf(issues));
    }

    /** {@code change/20261201T...} for an IRI under the base, else the IRI. */
    private String shortName(String iri) {
        String path = iris.pathOf(iri);
        return path != null ? path.substring(1).replaceFirst("^id/", "") : iri;
    }

    private static boolean isIri(String s) {
        return s != null && (s.startsWith("http://") || s.startsWith("https://") || s.startsWith("urn:"));
    }

    /** A SHACL path that is one property ({@code <iri>}, as Jena writes it) as that IRI; else null. */
    private static String pathIri(String path) {
        if (path == null) {
            return null;
        }
        String p = path.strip();
        if (p.startsWith("<") && p.endsWith(">") && p.indexOf('>') == p.length() - 1) {
            return p.substring(1, p.length() - 1);
        }
        return isIri(p) ? p : null;
    }

    /** What the shapes would say after accepting. */
    public Shacl.Report report(Graph added, Graph removed) {
        return curation.preview(added, removed);
    }

    /**
     * The diff of {@code added} and {@code removed} against the current data, labels in
     * {@code language} where the data has them (null: English first), {@code target} first.
     */
    public DiffView diff(Graph added, Graph removed, String target, String language) {
        return diff(added, removed, target, language, true);
    }

    /**
     * As {@link #diff(Graph, Graph, String, String)}; {@code againstCurrent} false for a decided
     * proposal: the data has moved on (an accepted one is in it now), so rows are neither marked
     * nor shown beside the current values.
     */
    public DiffView diff(Graph added, Graph removed, String target, String language, boolean againstCurrent) {
        Map<Node, List<Triple>> bySubject = new LinkedHashMap<>();
        Set<Triple> addedSet = new LinkedHashSet<>();
        Set<Triple> removedSet = new LinkedHashSet<>();
        added.find().forEachRemaining(addedSet::add);
        removed.find().forEachRemaining(removedSet::add);
        addedSet.forEach(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t));
        removedSet.forEach(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t));

        Current now = againstCurrent ? current(bySubject.keySet(), addedSet, removedSet)
                : new Current(Set.of(), Set.copyOf(bySubject.keySet()), List.of());
        Set<String> named = new LinkedHashSet<>();
        for (Triple t : addedSet) {
            collect(t, named);
        }
        for (Triple t : removedSet) {
            collect(t, named);
        }
        now.kept.forEach(t -> collect(t, named));
        Namer names = new Namer(Labels.of(store, named, timeoutMillis, language), added, language);

        int alreadyTrue = 0;
        int alreadyGone = 0;
        Map<Node, DiffView.Subject> subjects = new LinkedHashMap<>();
        for (Map.Entry<Node, List<Triple>> e : bySubject.entrySet()) {
            Node s = e.getKey();
            List<Triple> rowsOf = new ArrayList<>(e.getValue());
            now.kept.stream().filter(t -> t.getSubject().equals(s)).forEach(rowsOf::add);
            List<DiffView.Row> rows = new ArrayList<>();
            List<Triple> ordered = rowsOf.stream()
                    .sorted(Comparator.comparing((Triple t) -> names.label(t.getPredicate().getURI()).toLowerCase(Locale.ROOT))
                            .thenComparing(t -> t.getPredicate().getURI())
                            .thenComparing(t -> order(t, addedSet, removedSet)))
                    .toList();
            for (Triple t : ordered) {
                String change = removedSet.contains(t) ? DiffView.REMOVED : addedSet.contains(t) ? DiffView.ADDED : DiffView.KEPT;
                String mark = null;
                if (change.equals(DiffView.ADDED) && now.present.contains(t)) {
                    mark = "already true";
                    alreadyTrue++;
                } else if (againstCurrent && change.equals(DiffView.REMOVED) && !now.present.contains(t) && isGround(t)) {
                    mark = "already gone";
                    alreadyGone++;
                }
                String p = t.getPredicate().getURI();
                rows.add(new DiffView.Row(change, Terms.link(iris, p, names.label(p)), value(t.getObject(), names), mark));
            }
            subjects.put(s, new DiffView.Subject(names.anchor(s), subjectLink(s, names), !now.described.contains(s), rows));
        }
        List<DiffView.Subject> sorted = subjects.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Node, DiffView.Subject> x) -> !(x.getKey().isURI() && x.getKey().getURI().equals(target)))
                        .thenComparing(x -> x.getKey().isBlank())
                        .thenComparing(x -> x.getValue().link().text().toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .toList();
        return new DiffView(sorted, addedSet.size(), removedSet.size(), alreadyTrue, alreadyGone, againstCurrent);
    }

    private static int order(Triple t, Set<Triple> added, Set<Triple> removed) {
        return removed.contains(t) ? 0 : added.contains(t) ? 1 : 2;
    }

    /** What the published data holds of the touched statements and subjects, read in one transaction. */
    private Current current(Set<Node> subjects, Set<Triple> added, Set<Triple> removed) {
        return store.readUnion(g -> {
            Set<Triple> present = new LinkedHashSet<>();
            for (Triple t : added) {
                if (isGround(t) && g.contains(t)) {
                    present.add(t);
                }
            }
            for (Triple t : removed) {
                if (isGround(t) && g.contains(t)) {
                    present.add(t);
                }
            }
            Set<Node> described = new LinkedHashSet<>();
            List<Triple> kept = new ArrayList<>();
            Set<String> touchedPairs = new LinkedHashSet<>();
            for (Node s : subjects) {
                if (s.isURI() && g.find(s, Node.ANY, Node.ANY).hasNext()) {
                    described.add(s);
                }
            }
            List<Triple> all = new ArrayList<>(added);
            all.addAll(removed);
            for (Triple t : all) {
                if (!t.getSubject().isURI() || !touchedPairs.add(t.getSubject().getURI() + " " + t.getPredicate().getURI())) {
                    continue;
                }
                int[] n = {0};
                g.find(t.getSubject(), t.getPredicate(), Node.ANY).forEachRemaining(c -> {
                    if (!added.contains(c) && !removed.contains(c) && !c.getObject().isBlank() && n[0]++ < KEPT_PER_PROPERTY) {
                        kept.add(c);
                    }
                });
            }
            return new Current(present, described, kept);
        });
    }

    private record Current(Set<Triple> present, Set<Node> described, List<Triple> kept) {
    }

    private static boolean isGround(Triple t) {
        return !t.getSubject().isBlank() && !t.getObject().isBlank();
    }

    private static void collect(Triple t, Set<String> iris) {
        if (t.getSubject().isURI()) {
            iris.add(t.getSubject().getURI());
        }
        iris.add(t.getPredicate().getURI());
        if (t.getObject().isURI()) {
            iris.add(t.getObject().getURI());
        }
    }

    private Link subjectLink(Node s, Namer names) {
        if (s.isURI()) {
            return link(s.getURI(), names.label(s.getURI()));
        }
        return Link.to("#" + names.anchor(s), names.blankName(s));
    }

    private Value value(Node o, Namer names) {
        if (o.isURI()) {
            return Value.of(link(o.getURI(), names.label(o.getURI())));
        }
        if (o.isBlank()) {
            return Value.of(Link.to("#" + names.anchor(o), names.blankName(o)));
        }
        String lang = o.getLiteralLanguage();
        String dt = o.getLiteralDatatypeURI();
        String note = null;
        if (lang.isEmpty() && dt != null && !dt.equals(XSD_STRING)) {
            String p = Terms.prefixed(dt);
            note = p != null ? p : dt;
        }
        return Value.literal(o.getLiteralLexicalForm(), lang, note);
    }

    /**
     * A link to an IRI: ours on this host, others where they live. An IRI of another scheme
     * ({@code javascript:}, {@code data:}) from a proposal is never made a link: it is shown
     * as it is, to be read, not followed.
     */
    private Link link(String iri, String label) {
        Link l = Terms.link(iris, iri, label);
        String href = l.href();
        String lower = href.toLowerCase(Locale.ROOT);
        if (href.startsWith("/") && !href.startsWith("//") || lower.startsWith("http://") || lower.startsWith("https://")) {
            return l;
        }
        return new Link("#unlinkable", label, iri, true);
    }

    /** Labels: the store's first, else the proposal's own (a new resource's name), else the local name. */
    private static final class Namer {
        private final Map<String, String> stored;
        private final Map<String, String> proposed = new HashMap<>();
        private final Map<Node, Integer> blanks = new HashMap<>();
        private final Map<String, Integer> anchors = new HashMap<>();

        Namer(Map<String, String> stored, Graph added, String language) {
            this.stored = stored;
            Map<String, Integer> rank = new HashMap<>();
            added.find().forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getObject().isLiteral() && LABEL_PROPERTIES.contains(t.getPredicate().getURI())) {
                    String s = t.getSubject().getURI();
                    int r = Labels.rank(t.getObject().getLiteralLanguage(), language);
                    Integer seen = rank.get(s);
                    if (seen == null || r < seen) {
                        rank.put(s, r);
                        proposed.put(s, t.getObject().getLiteralLexicalForm());
                    }
                }
            });
        }

        String label(String iri) {
            String l = stored.get(iri);
            if (l == null) {
                l = proposed.get(iri);
            }
            return l != null && !l.isBlank() ? l : Labels.localName(iri);
        }

        String anchor(Node n) {
            return n.isURI() ? "subject-" + anchors.computeIfAbsent(n.getURI(), k -> anchors.size() + 1) : "node-" + number(n);
        }

        String blankName(Node n) {
            return "unnamed node " + number(n);
        }

        private int number(Node n) {
            return blanks.computeIfAbsent(n, k -> blanks.size() + 1);
        }
    }
}
