package org.w3id.copgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.RdfFiles;
import org.w3id.copgraph.store.Shacl;

class SyntheticEcosystemTest {

    private static final Home HOME = Home.current();

    private static SyntheticEcosystem eco(int cops, long seed) {
        return new SyntheticEcosystem(cops, seed, SyntheticEcosystem.domainsOf(HOME.ontology().resolve("schemes.ttl")),
                Iris.DEFAULT);
    }

    @Test
    void aSmallEcosystemConformsToTheShapesWithAbout210StatementsPerCop() {
        DatasetGraph d = RdfFiles.read(List.of(HOME.ontology()), Iris.DEFAULT);
        DatasetGraph generated = DatasetGraphFactory.createTxnMem();
        eco(60, 7).emit(StreamRDFLib.dataset(generated));
        generated.find().forEachRemaining(d::add);
        Shacl.Report report = Shacl.fromFile(HOME.shapes()).check(d.getUnionGraph());
        assertThat(report.conforms()).as(report.text()).isTrue();
        long inGraph = generated.getGraph(org.apache.jena.graph.NodeFactory.createURI(Iris.DEFAULT.graph("synthetic"))).size();
        assertThat(inGraph / 60.0).isBetween(190.0, 230.0);
        assertThat(generated.getGraph(org.apache.jena.graph.NodeFactory.createURI(Iris.DEFAULT.metaGraph())).size()).isGreaterThan(5);
    }

    @Test
    void theSameSeedGivesTheSameTrig() {
        assertThat(trig(20, 3)).isEqualTo(trig(20, 3)).isNotEqualTo(trig(20, 4));
    }

    @Test
    void preferentialAttachmentMakesHubs() {
        DatasetGraph g = DatasetGraphFactory.createTxnMem();
        eco(400, 1).emit(StreamRDFLib.dataset(g));
        var target = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/ontology#target");
        var agent = org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/prov#agent");
        java.util.Map<String, Integer> degree = new java.util.HashMap<>();
        g.find(null, null, agent, null).forEachRemaining(q -> degree.merge(q.getObject().getURI(), 1, Integer::sum));
        g.find(null, null, target, null).forEachRemaining(q -> degree.merge(q.getObject().getURI(), 1, Integer::sum));
        int max = degree.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        double mean = degree.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        assertThat(max).isGreaterThan((int) (5 * mean));
    }

    private static String trig(int cops, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        eco(cops, seed).emit(StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
