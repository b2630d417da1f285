package org.w3id.copgraph.sparql;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.model.Cop;

/**
 * The SPARQL 1.1 Service Description of {@code /sparql}: what it speaks, in which formats it
 * answers, and the dataset behind it (the union default graph and every named graph), so a
 * client can find its way without reading our source.
 */
final class ServiceDescription {

    /** W3C format names for what Fuseki answers with, as listed at www.w3.org/ns/formats/. */
    private static final List<String> FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "JSON-LD", "N-Triples", "RDF_XML",
            "TriG", "N-Quads");

    private ServiceDescription() {
    }

    static Graph describe(String endpointUrl, DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", Cop.SD);
        g.getPrefixMapping().setNsPrefix("formats", Cop.FORMATS);
        Node service = NodeFactory.createBlankNode();
        g.add(Triple.create(service, RDF.type.asNode(), sd("Service")));
        g.add(Triple.create(service, sd("endpoint"), NodeFactory.createURI(endpointUrl)));
        g.add(Triple.create(service, sd("supportedLanguage"), sd("SPARQL11Query")));
        g.add(Triple.create(service, sd("feature"), sd("UnionDefaultGraph")));
        for (String f : FORMATS) {
            g.add(Triple.create(service, sd("resultFormat"), NodeFactory.createURI(Cop.FORMATS + f)));
        }
        Node dataset = NodeFactory.createBlankNode();
        g.add(Triple.create(service, sd("defaultDataset"), dataset));
        g.add(Triple.create(dataset, RDF.type.asNode(), sd("Dataset")));
        Node defaultGraph = NodeFactory.createBlankNode();
        g.add(Triple.create(dataset, sd("defaultGraph"), defaultGraph));
        g.add(Triple.create(defaultGraph, RDF.type.asNode(), sd("Graph")));
        Txn.executeRead(dsg, () -> dsg.listGraphNodes().forEachRemaining(name -> {
            Node named = NodeFactory.createBlankNode();
            g.add(Triple.create(dataset, sd("namedGraph"), named));
            g.add(Triple.create(named, RDF.type.asNode(), sd("NamedGraph")));
            g.add(Triple.create(named, sd("name"), name));
        }));
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(Cop.SD + local);
    }
}
