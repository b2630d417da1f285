package org.w3id.copgraph.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.network.ExplainedPath;
import org.w3id.copgraph.network.ExportFormat;
import org.w3id.copgraph.network.Exports;
import org.w3id.copgraph.network.KumuBlueprint;
import org.w3id.copgraph.network.LinkKind;
import org.w3id.copgraph.network.Metrics;
import org.w3id.copgraph.network.MetricsReport;
import org.w3id.copgraph.network.NodeMetrics;
import org.w3id.copgraph.network.Neighbourhood;
import org.w3id.copgraph.network.Net;
import org.w3id.copgraph.network.Network;
import org.w3id.copgraph.network.Node;
import org.w3id.copgraph.network.NodeType;
import org.w3id.copgraph.network.Projection;
import org.w3id.copgraph.network.View;
import org.w3id.copgraph.network.Window;
import org.w3id.copgraph.queries.ParamType;

/** {@code /api/network/...} and {@code /explore}: the network of CoPs for mappers. */
final class NetworkRoutes {

    private static final String CYTOSCAPE_VERSION = webjarVersion("cytoscape");
    /** The most names a search returns: it is for finding a resource by name, not for listing them. */
    static final int MAX_SEARCH_LIMIT = 1000;

    private final Copgraph cg;

    NetworkRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void neighbourhood(Context ctx) {
        Neighbourhood n = neighbourhoodOf(ctx);
        Projection p = Projection.parse(ctx.queryParam("projection"), Projection.RESOURCES);
        // Right after a change the metrics may be of the version before, while the new ones are computed.
        Network.VersionedMetrics m = cg.network().metricsForView(p.copsOnly() ? p : Projection.ALL, window(ctx));
        View view = View.of(n, p, m.metrics());
        Map<String, Object> body = Exports.cytoscape(view, this::pathOf);
        body.put("metricsVersion", String.valueOf(m.version()));
        body.put("focus", n.focus().iri());
        body.put("title", view.title());
        // The focus was a source graph: the nodes are the resources it ties together, none is the focus.
        body.put("source", n.ofSource());
        body.put("depth", n.depth());
        body.put("truncated", n.truncated());
        body.put("more", n.more());
        inReadersLanguage(body);
        version(ctx);
        ctx.json(body);
    }

    /**
     * Node labels in the reader's language ({@code ?lang=} or Accept-Language, by
     * {@link Language}): the network is built once with English-first labels; for other readers
     * each node drawn gets its best label by the fallback chain, and {@code labelLang} when that
     * label is in another language than the one asked for.
     */
    @SuppressWarnings("unchecked")
    private void inReadersLanguage(Map<String, Object> body) {
        org.w3id.copgraph.i18n.LanguageChain chain = Language.chain();
        if (chain.first().equals(org.w3id.copgraph.i18n.LanguageChain.DEFAULT)) {
            return;
        }
        Object elements = body.get("elements");
        if (!(elements instanceof Map<?, ?> els) || !(els.get("nodes") instanceof List<?> nodes)) {
            return;
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object node : nodes) {
            if (node instanceof Map<?, ?> m && m.get("data") instanceof Map<?, ?> d) {
                data.add((Map<String, Object>) d);
            }
        }
        var labels = org.w3id.copgraph.linkeddata.Labels.allOf(cg.store(),
                data.stream().map(d -> (String) d.get("id")).toList(), LABEL_TIMEOUT_MILLIS);
        for (Map<String, Object> d : data) {
            var picked = org.w3id.copgraph.linkeddata.Labels.pick(labels, (String) d.get("id"), chain);
            if (picked != null) {
                d.put("label", picked.text());
                if (picked.differs()) {
                    d.put("labelLang", picked.lang());
                }
            }
        }
    }

    private static final long LABEL_TIMEOUT_MILLIS = 5_000;

    void paths(Context ctx) {
        String from = iri(ctx, "from", true);
        String to = iri(ctx, "to", true);
        List<ExplainedPath> paths = pathsOf(ctx, from, to);
        List<Object> out = new ArrayList<>();
        for (ExplainedPath p : paths) {
            List<Object> hops = new ArrayList<>();
            for (ExplainedPath.Hop h : p.hops()) {
                Map<String, Object> hop = new LinkedHashMap<>();
                hop.put("from", node(h.from()));
                hop.put("to", node(h.to()));
                hop.put("reasons", h.reasons().stream().map(Exports::reason).toList());
                hops.add(hop);
            }
            out.add(Map.of("length", p.length(), "hops", hops));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("paths", out);
        version(ctx);
        ctx.json(body);
    }

    void metrics(Context ctx) {
        Projection p = Projection.parse(ctx.queryParam("projection"), Projection.ALL);
        if (p == Projection.RESOURCES) {
            throw Problem.badRequest("bad-parameter", "Metrics are computed on CoP networks; use projection="
                    + String.join("|", Arrays.stream(Projection.values()).filter(Projection::copsOnly).map(Projection::id).toList()) + ".");
        }
        Window w = window(ctx);
        // Keep the published RDF in step with the data, in the background (it is also refreshed at
        // start-up and after changes): computing every projection's metrics takes a while on a large graph.
        if (!cg.metricsGraph().isCurrent()) {
            cg.metricsGraph().refreshInBackground();
        }
        MetricsReport m = cg.network().metricsReport(p, w);
        List<Map<String, Object>> nodes = new ArrayList<>(m.nodes().size());
        for (MetricsReport.Row r : m.nodes()) {
            NodeMetrics nm = r.metrics();
            Map<String, Object> row = node(r.node());
            row.put("degree", nm.degree());
            row.put("weightedDegree", nm.weightedDegree());
            row.put("betweenness", nm.betweenness());
            row.put("closeness", nm.closeness());
            row.put("clustering", nm.clustering());
            row.put("community", nm.community());
            row.put("articulationPoint", nm.articulationPoint());
            nodes.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projection", p.id());
        body.put("description", p.description);
        body.put("directed", p.directed);
        body.put("exact", m.exact());
        body.put("sources", m.sources());
        body.put("communities", m.communities());
        body.put("millis", m.millis());
        body.put("graph", cg.metricsGraph().graphIri());
        body.put("articulationPoints", m.articulationPoints());
        body.put("bridges", m.bridges());
        body.put("notes", m.notes());
        body.put("nodes", nodes);
        version(ctx, m.version());
        ctx.json(body);
    }

    void export(Context ctx, ExportFormat format) {
        View view;
        String name;
        Projection p;
        if (ctx.queryParam("from") != null || ctx.queryParam("to") != null) {
            // The explorer's path view: the resources on the paths and the hops between them.
            String from = iri(ctx, "from", true);
            String to = iri(ctx, "to", true);
            p = Projection.RESOURCES;
            view = View.of(from, to, pathsOf(ctx, from, to), metricsFor(p, pathWindow(ctx)));
            name = "copgraph-paths-" + slug(from) + "-" + slug(to);
        } else if (ctx.queryParam("focus") != null) {
            p = Projection.parse(ctx.queryParam("projection"), Projection.RESOURCES);
            Neighbourhood n = neighbourhoodOf(ctx);
            view = View.of(n, p, metricsFor(p, window(ctx)));
            name = "copgraph-neighbourhood-" + slug(n.focus().iri());
        } else {
            p = Projection.parse(ctx.queryParam("projection"), Projection.ALL);
            Window w = window(ctx);
            Net net = cg.network().net(p, w);
            Metrics m = metricsFor(p, w);
            String limit = ctx.queryParam("limit");
            view = limit == null ? View.of(net, m) : View.top(net, m, intParam(ctx, "limit", 300, 1, Integer.MAX_VALUE));
            if (kinds(ctx).contains(LinkKind.SUGGESTED)) {
                // Computed links only when asked for, drawn beside the projection's (never in its metrics).
                view = cg.network().withSuggested(view);
            }
            name = "copgraph-" + p.id();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == ExportFormat.CSV && ctx.queryParam("table") != null) {
            String table = ctx.queryParam("table");
            try {
                switch (table) {
                    case "nodes" -> Exports.csvNodes(view, out);
                    case "edges" -> Exports.csvEdges(view, out);
                    default -> throw Problem.badRequest("bad-parameter", "Parameter 'table' must be nodes or edges; got '" + table + "'.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            name = name + "-" + table;
        } else if (format == ExportFormat.KUMU) {
            // Kumu shows descriptions, tags, pages and images, which the network does not hold: read them for this view.
            KumuBlueprint.write(view, cg.network().facts(), cg.store(), cg.settings().queryTimeoutMillis(), out);
        } else {
            Exports.write(view, format, out, this::pathOf);
        }
        version(ctx);
        if (!"inline".equals(ctx.queryParam("disposition"))) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension + "\"");
        }
        ctx.contentType(format.mediaType + "; charset=utf-8");
        ctx.result(out.toByteArray());
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) {
            throw Problem.badRequest("bad-parameter", "Parameter 'q' is required: part of a name, e.g. q=urban.");
        }
        List<Map<String, Object>> out = cg.network().search(q, types(ctx), intParam(ctx, "limit", 20, 1, MAX_SEARCH_LIMIT)).stream().map(this::node).toList();
        ctx.json(out);
    }

    void projections(Context ctx) {
        ctx.json(Arrays.stream(Projection.values()).map(p -> Map.of("id", p.id(), "description", p.description,
                "directed", p.directed, "copsOnly", p.copsOnly())).toList());
    }

    /** The page is a shell (src/main/jte/explore.jte); explore.js draws the network with Cytoscape.js. */
    void explore(Context ctx) {
        Pages.html(ctx, "explore", CYTOSCAPE_VERSION);
    }

    void cytoscape(Context ctx) {
        asset(ctx, "META-INF/resources/webjars/cytoscape/" + CYTOSCAPE_VERSION + "/dist/cytoscape.min.js", "text/javascript");
    }

    void exploreScript(Context ctx) {
        asset(ctx, "web/explore.js", "text/javascript");
    }


    private static void asset(Context ctx, String resource, String type) {
        InputStream in = NetworkRoutes.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw Problem.notFound("not-found", "Missing asset " + resource + " in the jar.");
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(type + "; charset=utf-8");
        ctx.result(in);
    }

    /**
     * The view an explorer address asks for, for the embedded network and the map around a
     * resource: the paths from {@code from} (or {@code focus}) to {@code to}, or the neighbourhood
     * of {@code focus}, with the parameters of the network API.
     */
    View viewOf(Context ctx) {
        if (ctx.queryParam("to") != null) {
            String from = iri(ctx, ctx.queryParam("focus") != null ? "focus" : "from", true);
            String to = iri(ctx, "to", true);
            return View.of(from, to, pathsOf(ctx, from, to), metricsFor(Projection.RESOURCES, pathWindow(ctx)));
        }
        Projection p = Projection.parse(ctx.queryParam("projection"), Projection.RESOURCES);
        return View.of(neighbourhoodOf(ctx), p, metricsFor(p, window(ctx)));
    }

    /** The label of the resource an explorer address is about ({@code focus}, else {@code from}), for headings. */
    String focusLabel(Context ctx, View view) {
        String focus = iri(ctx, ctx.queryParam("focus") != null ? "focus" : "from", true);
        Node n = view.nodes().get(focus);
        return n != null ? n.label() : focus;
    }

    /** The focus's page on this host (its IRI when it lies outside the base). */
    String focusHref(Context ctx) {
        String focus = iri(ctx, ctx.queryParam("focus") != null ? "focus" : "from", true);
        String path = pathOf(focus);
        return path != null ? path : focus;
    }

    // ---------------------------------------------------------------- parameters

    private List<ExplainedPath> pathsOf(Context ctx, String from, String to) {
        int k = intParam(ctx, "k", 3);
        int maxLength = intParam(ctx, "maxLength", 4);
        return cg.network().paths(from, to, k, maxLength, kinds(ctx), pathWindow(ctx));
    }

    /** Paths take 'from' and 'to' as their ends, so their time window is 'since' and 'until'. */
    private static Window pathWindow(Context ctx) {
        return new Window(Window.of(ctx.queryParam("since"), null).from(), Window.of(null, ctx.queryParam("until")).until());
    }

    private Neighbourhood neighbourhoodOf(Context ctx) {
        String focus = iri(ctx, "focus", true);
        Projection p = Projection.parse(ctx.queryParam("projection"), Projection.RESOURCES);
        return cg.network().neighbourhood(focus, intParam(ctx, "depth", 1), kinds(ctx), types(ctx), p, window(ctx),
                intParam(ctx, "limit", Network.DEFAULT_LIMIT));
    }

    private Metrics metricsFor(Projection p, Window w) {
        return p.copsOnly() ? cg.network().metrics(p, w) : cg.network().metrics(Projection.ALL, w);
    }

    private String iri(Context ctx, String param, boolean required) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            if (required) {
                throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' is required: a resource IRI or a path such as /id/cop/urbana.");
            }
            return null;
        }
        if (v.trim().startsWith("/graph/")) {
            // A source graph's page links here with its host path; the network answers with its resources.
            return cg.settings().iris().forPath(v.trim());
        }
        return ParamType.IRI.parse(param, v, null, cg.settings().iris()).getURI();
    }

    private static Window window(Context ctx) {
        String from = ctx.queryParam("from") != null ? ctx.queryParam("from") : ctx.queryParam("since");
        return Window.of(from, ctx.queryParam("until"));
    }

    private static Set<LinkKind> kinds(Context ctx) {
        Set<LinkKind> kinds = EnumSet.noneOf(LinkKind.class);
        for (String v : list(ctx, "kinds")) {
            kinds.add(LinkKind.parse("kinds", v));
        }
        return kinds;
    }

    private static Set<NodeType> types(Context ctx) {
        Set<NodeType> types = EnumSet.noneOf(NodeType.class);
        for (String v : list(ctx, "types")) {
            types.add(NodeType.parse("types", v));
        }
        return types;
    }

    private static List<String> list(Context ctx, String param) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.queryParams(param)) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static int intParam(Context ctx, String param, int fallback) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' must be an integer; got '" + v + "'.");
        }
    }

    /** An integer parameter within {@code min..max}; the message names the parameter and its range. */
    private static int intParam(Context ctx, String param, int fallback, int min, int max) {
        int n = intParam(ctx, param, fallback);
        if (n < min || n > max) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' must be " + (max == Integer.MAX_VALUE
                    ? "at least " + min : "from " + min + " to " + max) + "; got " + n + ".");
        }
        return n;
    }

    private Map<String, Object> node(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iri", n.iri());
        m.put("label", n.label());
        m.put("type", n.type().id());
        String path = pathOf(n.iri());
        if (path != null) {
            m.put("path", path);
        }
        return m;
    }

    private String pathOf(String iri) {
        return cg.settings().iris().pathOf(iri);
    }

    /**
     * The data version the answer was computed on: the network's, which trails the store's while
     * it is rebuilt after a change (made through this front or, on a shared store, another), so a
     * client can tell an answer of the previous data from one of the current.
     */
    private void version(Context ctx) {
        version(ctx, cg.network().servedVersion());
    }

    private static void version(Context ctx, Object version) {
        if (version instanceof java.time.Instant served && !served.equals(java.time.Instant.EPOCH)) {
            ctx.header("X-Copgraph-Data-Version", served.toString());
        }
    }

    private static String slug(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9-]", "-");
    }

    static String webjarVersion(String name) {
        try (InputStream in = NetworkRoutes.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The " + name + " WebJar is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
