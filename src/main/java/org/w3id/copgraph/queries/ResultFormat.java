package org.w3id.copgraph.queries;

import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The formats a curated query answers in: SPARQL results for SELECT/ASK, RDF for CONSTRUCT/DESCRIBE. */
public enum ResultFormat {
    JSON("json", "application/sparql-results+json", ResultSetLang.RS_JSON, true),
    XML("xml", "application/sparql-results+xml", ResultSetLang.RS_XML, true),
    CSV("csv", "text/csv", ResultSetLang.RS_CSV, true),
    TSV("tsv", "text/tab-separated-values", ResultSetLang.RS_TSV, true),
    /** A plain JSON envelope: the citation, the page and one {@code {variable: value}} object per row. */
    ROWS("rows", "application/json", null, true),
    TURTLE("ttl", "text/turtle", Lang.TURTLE, false),
    JSONLD("jsonld", "application/ld+json", Lang.JSONLD, false),
    NTRIPLES("nt", "application/n-triples", Lang.NTRIPLES, false),
    RDFXML("rdf", "application/rdf+xml", Lang.RDFXML, false),
    TRIG("trig", "application/trig", Lang.TRIG, false),
    NQUADS("nq", "application/n-quads", Lang.NQUADS, false);

    public final String shortName;
    public final String mediaType;
    public final Lang lang;
    public final boolean forResults;

    ResultFormat(String shortName, String mediaType, Lang lang, boolean forResults) {
        this.shortName = shortName;
        this.mediaType = mediaType;
        this.lang = lang;
        this.forResults = forResults;
    }

    public static List<String> shortNames() {
        return java.util.Arrays.stream(values()).map(f -> f.shortName).toList();
    }

    /** What a query of this kind can be answered in, preferred first. */
    public static List<ResultFormat> offeredFor(CuratedQuery q) {
        boolean results = q.query().isSelectType() || q.query().isAskType();
        return java.util.Arrays.stream(values())
                .filter(f -> f.forResults == results)
                .filter(f -> f != ROWS || q.query().isSelectType())
                .toList();
    }
}
