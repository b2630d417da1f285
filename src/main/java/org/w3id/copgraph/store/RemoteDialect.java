package org.w3id.copgraph.store;

import java.util.List;
import java.util.Locale;

/**
 * What kind of SPARQL store is behind the remote endpoints, and what that changes: where copgraph
 * keeps its bookkeeping, and what a query must say so that the store's default graph is the union
 * of copgraph's named graphs and nothing else.
 *
 * <ul>
 * <li>{@link #FUSEKI} (Fuseki/TDB2 with {@code unionDefaultGraph}): the union leaves out the real
 * default graph, so the bookkeeping lives there, addressed as {@code urn:x-arq:DefaultGraph}.</li>
 * <li>{@link #VIRTUOSO}: the default graph is the union of <em>every</em> graph, Virtuoso's own
 * (its {@code virtrdf#} quad-map graph and two small ones a fresh database holds) included, and
 * there is no graph outside it. The bookkeeping goes to a named graph of its own, and every query
 * is prefixed with Virtuoso's {@code define input:default-graph-exclude} and
 * {@code input:named-graph-exclude} for it and for those of Virtuoso's graphs the query could
 * match (see {@link GraphExclusions}), so neither the union nor {@code GRAPH ?g} sees them. That
 * prologue is not standard SPARQL: queries are sent as text.</li>
 * </ul>
 */
public enum RemoteDialect {

    FUSEKI(RemoteDatasetGraph.JENA_REAL_DEFAULT_GRAPH),
    VIRTUOSO("urn:x-copgraph:bookkeeping");

    /** The graphs a fresh Virtuoso 7 database holds for itself. */
    static final List<String> VIRTUOSO_OWN_GRAPHS = List.of("http://www.openlinksw.com/schemas/virtrdf#",
            "http://www.w3.org/ns/ldp#", "http://localuriqaserver/sparql");

    private final String systemGraph;

    RemoteDialect(String systemGraph) {
        this.systemGraph = systemGraph;
    }

    /** The graph copgraph's own bookkeeping (data version, statement count) lives in. */
    public String systemGraph() {
        return systemGraph;
    }

    /**
     * The query as this store should be sent it. Virtuoso 7.2.5, once a query carries the
     * {@code input:*-graph-exclude} pragmas of the prologues, finds nothing in {@code GRAPH <iri>}
     * (its dataset is then "explicit" and a constant graph is not in it), also inside FILTER
     * [NOT] EXISTS, while {@code GRAPH ?g { } FILTER(?g = <iri>)} works (checked with curl). So each
     * constant graph becomes a variable equal to it.
     */
    public org.apache.jena.query.Query forStore(org.apache.jena.query.Query query) {
        if (this == FUSEKI) {
            return query;
        }
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.transform(query,
                new org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase() {
                    @Override
                    public org.apache.jena.sparql.syntax.Element transform(org.apache.jena.sparql.syntax.ElementNamedGraph el,
                            org.apache.jena.graph.Node gn, org.apache.jena.sparql.syntax.Element sub) {
                        if (!gn.isURI()) {
                            return super.transform(el, gn, sub);
                        }
                        org.apache.jena.sparql.core.Var v = org.apache.jena.sparql.core.Var.alloc("copgraphGraph" + n.incrementAndGet());
                        org.apache.jena.sparql.syntax.ElementGroup g = new org.apache.jena.sparql.syntax.ElementGroup();
                        g.addElement(new org.apache.jena.sparql.syntax.ElementNamedGraph(v, sub));
                        g.addElementFilter(new org.apache.jena.sparql.syntax.ElementFilter(new org.apache.jena.sparql.expr.E_Equals(
                                new org.apache.jena.sparql.expr.ExprVar(v), org.apache.jena.sparql.expr.NodeValue.makeNode(gn))));
                        return g;
                    }
                });
    }

    /**
     * A query of copgraph's own (curated queries, pages, look-ups) as this store should be sent
     * it, so that it answers as the embedded store does: {@link #forStore(org.apache.jena.query.Query)},
     * and on Virtuoso each block of statement patterns outside {@code GRAPH} made a set. Virtuoso's
     * default graph is the union of the graphs <em>with</em> a statement once per graph that
     * states it, so a pattern matched by a statement two sources give came back twice, and every
     * join multiplied it (organisation-cops: 347 rows where the embedded store gives 8). A block
     * becomes {@code { SELECT DISTINCT its-variables WHERE { block } }}; a block with no
     * variables becomes {@code FILTER EXISTS { block }}. Inside {@code GRAPH} one graph is a set
     * already. A client's own {@code /sparql} text is not changed this way: it gets the store's
     * own answer.
     */
    public org.apache.jena.query.Query forEngine(org.apache.jena.query.Query query) {
        org.apache.jena.query.Query sent = forStore(query);
        if (this == FUSEKI) {
            return sent;
        }
        return org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.transform(sent, new SetBlocks());
    }

    /** The rewrite of {@link #forEngine}: blocks of the default graph as sets, GRAPH blocks as they are. */
    private static final class SetBlocks extends org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase {
        @Override
        public org.apache.jena.sparql.syntax.Element transform(org.apache.jena.sparql.syntax.ElementPathBlock el) {
            return asSet(el);
        }

        @Override
        public org.apache.jena.sparql.syntax.Element transform(org.apache.jena.sparql.syntax.ElementTriplesBlock el) {
            return asSet(el);
        }

        @Override
        public org.apache.jena.sparql.syntax.Element transform(org.apache.jena.sparql.syntax.ElementNamedGraph el,
                org.apache.jena.graph.Node gn, org.apache.jena.sparql.syntax.Element sub) {
            // The block inside as it was (one graph is a set): only the already-rewritten constant graphs matter there.
            return new org.apache.jena.sparql.syntax.ElementNamedGraph(gn, el.getElement());
        }

        private static org.apache.jena.sparql.syntax.Element asSet(org.apache.jena.sparql.syntax.Element block) {
            java.util.List<org.apache.jena.sparql.core.Var> vars = new java.util.ArrayList<>();
            for (org.apache.jena.sparql.core.Var v : org.apache.jena.sparql.syntax.PatternVars.vars(block)) {
                if (v.isNamedVar()) {
                    vars.add(v);
                }
            }
            org.apache.jena.sparql.syntax.ElementGroup inner = new org.apache.jena.sparql.syntax.ElementGroup();
            inner.addElement(block);
            if (vars.isEmpty()) {
                org.apache.jena.sparql.syntax.ElementGroup g = new org.apache.jena.sparql.syntax.ElementGroup();
                g.addElementFilter(new org.apache.jena.sparql.syntax.ElementFilter(new org.apache.jena.sparql.expr.E_Exists(inner)));
                return g;
            }
            org.apache.jena.query.Query sub = new org.apache.jena.query.Query();
            sub.setQuerySelectType();
            sub.setDistinct(true);
            vars.forEach(sub::addResultVar);
            sub.setQueryPattern(inner);
            return new org.apache.jena.sparql.syntax.ElementSubQuery(sub);
        }
    }

    /**
     * A client's query as this store should be sent it ({@link #forStore(org.apache.jena.query.Query)}):
     * {@code text} unchanged on Fuseki, and unchanged when it has no GRAPH to rewrite (without the
     * word there is none), so it needs no serialisation on every request; else {@code parsed}
     * (the same query, already parsed) rewritten.
     */
    public String forStore(String text, org.apache.jena.query.Query parsed) {
        if (this == FUSEKI || !text.toLowerCase(Locale.ROOT).contains("graph")) {
            return text;
        }
        return forStore(parsed).serialize();
    }

    /** Text to put before copgraph's own statement look-ups, which may address the bookkeeping graph. */
    public String lookupPrologue() {
        return this == FUSEKI ? "" : excluding(VIRTUOSO_OWN_GRAPHS);
    }

    private static String excluding(List<String> graphs) {
        StringBuilder b = new StringBuilder();
        for (String g : graphs) {
            b.append("define input:default-graph-exclude <").append(g).append(">\n");
            b.append("define input:named-graph-exclude <").append(g).append(">\n");
        }
        return b.toString();
    }

    /** {@code fuseki}, {@code virtuoso}, or null/{@code auto} (null: find out from the store). */
    public static RemoteDialect parse(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.w3id.copgraph.Problem.badRequest("bad-option", "--store-kind must be fuseki, virtuoso or auto, not " + name);
        }
    }

    /** From an HTTP {@code Server} header: Virtuoso says {@code Virtuoso/07.20...}; anything else is taken as Fuseki-like. */
    static RemoteDialect fromServerHeader(String server) {
        return server != null && server.toLowerCase(Locale.ROOT).startsWith("virtuoso") ? VIRTUOSO : FUSEKI;
    }
}
