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

    @Test
    void generatedCrossPollinationsMostlyFollowLatentAffinities() {
        DatasetGraph g = DatasetGraphFactory.createTxnMem();
        eco(1000, 5).emit(StreamRDFLib.dataset(g));
        var any = org.apache.jena.graph.Node.ANY;
        java.util.function.Function<String, org.apache.jena.graph.Node> p = org.apache.jena.graph.NodeFactory::createURI;
        String cop = "https://w3id.org/copgraph/ontology#";
        // What each CoP offers and needs, by what the offer or need concerns.
        java.util.Map<String, java.util.Set<String>> offers = new java.util.HashMap<>();
        java.util.Map<String, java.util.Set<String>> needs = new java.util.HashMap<>();
        for (var kind : List.of("offers", "needs")) {
            var into = kind.equals("offers") ? offers : needs;
            g.find(any, any, p.apply(cop + kind), any).forEachRemaining(q -> g.find(any, q.getObject(), p.apply(cop + "concerns"), any)
                    .forEachRemaining(c -> into.computeIfAbsent(q.getSubject().getURI(), k -> new java.util.HashSet<>())
                            .add(c.getObject().toString())));
        }
        List<String[]> links = new java.util.ArrayList<>();
        g.find(any, any, p.apply("http://www.w3.org/ns/prov#agent"), any).forEachRemaining(q -> g.find(any, q.getSubject(),
                p.apply(cop + "target"), any).forEachRemaining(t -> links.add(new String[] {q.getObject().getURI(), t.getObject().getURI()})));
        java.util.function.BiPredicate<String, String> needMet = (from, to) -> needs.getOrDefault(to, java.util.Set.of()).stream()
                .anyMatch(offers.getOrDefault(from, java.util.Set.of())::contains);
        double followed = links.stream().filter(l -> needMet.test(l[0], l[1])).count() / (double) links.size();
        // The same measure on random pairs of CoPs: what chance alone gives.
        java.util.Random r = new java.util.Random(1);
        List<String> cops = new java.util.ArrayList<>(new java.util.TreeSet<>(offers.keySet()));
        long chance = 0;
        for (int i = 0; i < 5000; i++) {
            if (needMet.test(cops.get(r.nextInt(cops.size())), cops.get(r.nextInt(cops.size())))) {
                chance++;
            }
        }
        assertThat(links).hasSize(2 * 999);
        assertThat(followed).as("share of cross-pollinations whose source offers what the target needs").isGreaterThan(0.5);
        assertThat(followed).isGreaterThan(5 * chance / 5000.0);
    }

    private static String trig(int cops, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        eco(cops, seed).emit(StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
