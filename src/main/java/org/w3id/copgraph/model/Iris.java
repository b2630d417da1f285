package org.w3id.copgraph.model;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The one place that knows copgraph's IRIs: the base under which resources, graphs and the
 * ontology live ({@code {base}id/{kind}/{slug}}, {@code {base}graph/{slug}}).
 * Data files are written against {@link #DEFAULT_BASE}; a deployment with another base has
 * them rewritten on load by {@link #rebase(Node)}.
 */
public record Iris(String base) {

    public static final String DEFAULT_BASE = "https://w3id.org/copgraph/";

    public static final Iris DEFAULT = new Iris(DEFAULT_BASE);

    public Iris {
        if (!base.endsWith("/")) {
            base = base + "/";
        }
    }

    /** The ontology keeps its published IRI whatever the base: its terms are shared with partners. */
    public String ontology() {
        return Cop.ONTOLOGY;
    }

    public String resource(String kind, String slug) {
        return base + "id/" + kind + "/" + slug;
    }

    /**
     * A new resource IRI {@code {base}id/{kind}/{slug}} for something called {@code label}: the
     * slug is the label lower-cased, in ASCII, hyphenated; when that IRI is {@code taken}, a
     * suffix -2, -3, ... makes it unique (an IRI once published never changes meaning).
     */
    public String mint(String kind, String label, java.util.function.Predicate<String> taken) {
        String slug = slug(label);
        String iri = resource(kind, slug);
        for (int n = 2; taken.test(iri); n++) {
            iri = resource(kind, slug + "-" + n);
        }
        return iri;
    }

    /** Lower-case ASCII words joined by hyphens, at most 60 characters; "item" when nothing is left. */
    public static String slug(String label) {
        String ascii = java.text.Normalizer.normalize(label == null ? "" : label, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "item" : slug;
    }

    public String graph(String slug) {
        return base + "graph/" + slug;
    }

    /** The graph that holds the metadata (PROV, DCAT) about every source graph. */
    public String metaGraph() {
        return graph("meta");
    }

    /** The change log: one PROV activity per change, written by the one write path. */
    public String changesGraph() {
        return graph("changes");
    }

    /**
     * The source graph of reviews: each CoP's {@code cop:lastReviewed}, written only by confirming
     * it "still accurate" (or accepting a reviewed change) through the one write path.
     */
    public String reviewsGraph() {
        return graph("reviews");
    }

    /** The derived graph of network metrics (see {@code network.MetricsGraph}). */
    public String networkMetricsGraph() {
        return graph("network-metrics");
    }

    /** The derived graph of suggested connections (see {@code suggestions.SuggestionsGraph}). */
    public String suggestionsGraph() {
        return graph("suggestions");
    }

    /**
     * Graphs copgraph maintains itself: the sources' descriptions (written only with their
     * source), the change log, the network metrics and the suggestions. No data write path writes them, and
     * SPARQL Update cannot read them. (The store's bookkeeping and the event stream live in the
     * stored default graph, outside every named graph.)
     */
    public boolean isMaintainedGraph(String iri) {
        return iri.equals(metaGraph()) || iri.equals(changesGraph()) || iri.equals(networkMetricsGraph())
                || iri.equals(suggestionsGraph());
    }

    public boolean isResource(String iri) {
        return iri.startsWith(base + "id/");
    }

    /** The canonical IRI for a request path on any host, e.g. {@code /id/cop/urbana}. */
    public String forPath(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** The path on the serving host for a canonical IRI, or null when it lies outside the base. */
    public String pathOf(String iri) {
        return iri.startsWith(base) ? "/" + iri.substring(base.length()) : null;
    }

    /**
     * Maps a resource or graph IRI written against the default base onto this deployment's base.
     * Ontology terms are left alone.
     */
    public Node rebase(Node node) {
        if (DEFAULT_BASE.equals(base) || !node.isURI()) {
            return node;
        }
        String iri = node.getURI();
        if (iri.startsWith(DEFAULT_BASE + "id/") || iri.startsWith(DEFAULT_BASE + "graph/")) {
            return NodeFactory.createURI(base + iri.substring(DEFAULT_BASE.length()));
        }
        return node;
    }
}
