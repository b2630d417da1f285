package org.w3id.copgraph.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedCache;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What an IRI parameter may name: a resource the graph holds. A misspelt IRI is a 404 with the
 * closest resources of the same kind (by edit distance of the slug), not an empty answer; a bare
 * slug ({@code cop=urbana}) stands for the one resource with that slug, preferring the kind the
 * parameter is named after ({@code /id/cop/urbana} rather than {@code /id/project/urbana}).
 */
final class Resources {

    /** How many close matches a 404 names. */
    static final int SUGGESTIONS = 5;

    private static final Var X = Var.alloc("x");
    private static final Var PREFIX = Var.alloc("prefix");
    private static final Query EXISTS = QueryFactory.create("ASK { { ?x ?p ?o } UNION { ?s ?p ?x } }");
    /** Typed subjects under a prefix: the resources of one kind (or all, under {base}id/). */
    private static final Query UNDER = QueryFactory.create(
            "SELECT DISTINCT ?s WHERE { ?s a ?t FILTER(STRSTARTS(STR(?s), STR(?prefix))) }");

    private final Iris iris;
    private final long timeoutMillis;
    private final VersionedCache<String, Boolean> exists;
    private final VersionedCache<String, List<String>> under;

    Resources(Iris iris, long timeoutMillis) {
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
        this.exists = VersionedCache.of(Caffeine.newBuilder().maximumSize(10_000));
        this.under = VersionedCache.of(Caffeine.newBuilder().maximumSize(64));
    }

    /** Whether {@code value} looks like a slug rather than an IRI or a path. */
    static boolean isSlug(String value) {
        return value.trim().matches("[a-z0-9][a-z0-9-]*");
    }

    /** The IRI a bare slug stands for, or a Problem naming the candidates. */
    String resolveSlug(String param, String slug, Store store, String version) {
        String s = slug.trim();
        List<String> all = under(iris.base() + "id/", store, version);
        List<String> same = all.stream().filter(iri -> iri.endsWith("/" + s)).toList();
        List<String> ofKind = same.stream().filter(iri -> iri.equals(iris.resource(param, s))).toList();
        if (ofKind.size() == 1) {
            return ofKind.get(0);
        }
        if (same.size() == 1) {
            return same.get(0);
        }
        if (same.isEmpty()) {
            throw noSuchResource(param, s, closest(s, candidatesFor(param, all, store, version)));
        }
        throw Problem.badRequest("bad-parameter", "Parameter '" + param + "': several resources have the slug '"
                + s + "': " + String.join(", ", same.stream().map(this::shown).toList()) + ". Give one of them.");
    }

    /** Fails with a 404 and close matches when the graph says nothing about (or with) {@code iri}. */
    void requireExisting(String param, Node iri, Store store, String version) {
        String uri = iri.getURI();
        boolean found = exists.get(version, uri, k -> {
            try {
                return store.query(EXISTS, BindingFactory.binding(X, iri), timeoutMillis, QueryExec::ask);
            } catch (QueryCancelledException e) {
                return true; // Too slow to tell: let the query itself run (and time out, if it must).
            }
        });
        if (found) {
            return;
        }
        String slug = uri.substring(uri.lastIndexOf('/') + 1);
        String kindPrefix = uri.substring(0, uri.lastIndexOf('/') + 1);
        List<String> candidates = iris.isResource(uri) ? under(kindPrefix, store, version) : List.of();
        if (candidates.isEmpty() && iris.isResource(uri)) {
            candidates = under(iris.base() + "id/", store, version);
        }
        throw noSuchResource(param, shown(uri), closest(slug, candidates));
    }

    private List<String> candidatesFor(String param, List<String> all, Store store, String version) {
        List<String> ofKind = under(iris.base() + "id/" + param + "/", store, version);
        return ofKind.isEmpty() ? all : ofKind;
    }

    private List<String> under(String prefix, Store store, String version) {
        return under.get(version, prefix, p -> store.query(UNDER, BindingFactory.binding(PREFIX, NodeFactory.createLiteralString(p)),
                timeoutMillis, exec -> {
                    List<String> out = new ArrayList<>();
                    exec.select().forEachRemaining(b -> {
                        Node s = b.get("s");
                        if (s != null && s.isURI()) {
                            out.add(s.getURI());
                        }
                    });
                    return List.copyOf(out);
                }));
    }

    /** The resources whose slug is within a third of its length (at least 2) edits of {@code slug}, closest first. */
    static List<String> closest(String slug, List<String> candidates) {
        int limit = Math.max(2, slug.length() / 3);
        Map<String, Integer> by = new TreeMap<>();
        for (String iri : candidates) {
            String other = iri.substring(iri.lastIndexOf('/') + 1);
            int d = new LevenshteinDistance(limit).apply(slug, other);
            if (d >= 0) {
                by.put(iri, d);
            } else if (other.startsWith(slug) || slug.startsWith(other)) {
                by.put(iri, limit + 1);
            }
        }
        return by.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(SUGGESTIONS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private Problem noSuchResource(String param, String given, List<String> close) {
        String hint = close.isEmpty()
                ? " No resource has a similar name; /api/queries/search-by-label?text=NAME finds one by its label."
                : " Did you mean " + String.join(" or ", close.stream().map(this::shown).toList()) + "?";
        return Problem.notFound("no-such-resource", "Parameter '" + param + "' names " + given
                + ", which the graph holds nothing about." + hint);
    }

    /** A resource as a reader types it: its path on this host when it has one. */
    private String shown(String iri) {
        String path = iris.pathOf(iri);
        return path != null && path.startsWith("/id/") ? path : iri;
    }
}
