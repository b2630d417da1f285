package org.w3id.copgraph.linkeddata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.copgraph.model.Cop;

/**
 * Writes descriptions and the ontology as RDF documents. Triple formats carry each statement
 * once whatever the number of sources that state it; TriG and N-Quads keep the graphs.
 */
public final class Documents {

    private final JsonLdCompaction jsonLd;

    public Documents(JsonLdCompaction jsonLd) {
        this.jsonLd = jsonLd;
    }

    public JsonLdCompaction jsonLd() {
        return jsonLd;
    }

    /** The description's statements (its own and those about its blank nodes) in {@code format}. */
    public byte[] write(Description d, DocumentFormat format, String contextRef) {
        if (format.hasGraphs()) {
            DatasetGraph ds = DatasetGraphFactory.create();
            Cop.PREFIXES.forEach(ds.prefixes()::add);
            for (Quad q : d.statements()) {
                ds.add(q);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, ds, format == DocumentFormat.TRIG ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS);
            return out.toByteArray();
        }
        Graph g = newGraph();
        for (Quad q : d.statements()) {
            g.add(q.asTriple());
        }
        return write(g, format, contextRef);
    }

    /** An empty graph that writes with copgraph's prefixes. */
    public static Graph newGraph() {
        Graph g = GraphFactory.createDefaultGraph();
        Cop.PREFIXES.forEach(g.getPrefixMapping()::setNsPrefix);
        return g;
    }

    /** A graph in a triple format; JSON-LD is compacted against the published context. */
    public byte[] write(Graph g, DocumentFormat format, String contextRef) {
        if (format == DocumentFormat.JSONLD) {
            return jsonLd.compact(g, contextRef).getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(switch (format) {
            case TURTLE -> RDFFormat.TURTLE_BLOCKS;
            case NTRIPLES -> RDFFormat.NTRIPLES;
            case RDFXML -> RDFFormat.RDFXML_PLAIN;
            default -> throw new IllegalArgumentException(format + " is not a triple format");
        }).output(out);
        return out.toByteArray();
    }
}
