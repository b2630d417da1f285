package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.bench.SyntheticEcosystem;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;

/**
 * Facts made again after a change, reusing the stages of the join the change did not touch, are
 * the facts a whole join of the changed statements gives: the same nodes, links, reasons (texts
 * included) and order.
 */
class FactsJoinTest {

    private static final String LABEL = "http://www.w3.org/2000/01/rdf-schema#label";

    @Test
    void factsMadeFromTheStagesAChangeDidNotTouchAreThoseOfAWholeJoin() {
        FactRows rows = rows(150, 5);
        FactsJoin.Made made = FactsJoin.make(rows, null);
        Random random = new Random(17);
        int reusedSome = 0;
        int applied = 0;
        for (int change = 0; change < 300; change++) {
            List<Quad> added = new ArrayList<>();
            List<Quad> removed = new ArrayList<>();
            randomChange(rows, random, added, removed);
            FactRows next = rows.apply(added, removed);
            if (next == null) {
                continue;
            }
            FactsJoin.Made incremental = FactsJoin.make(next, made);
            FactsJoin.Made whole = FactsJoin.make(next, null);
            assertThat(describe(incremental.facts())).as("change %d: +%s -%s", change, added, removed)
                    .isEqualTo(describe(whole.facts()));
            reusedSome += incremental.reused() > 0 ? 1 : 0;
            applied++;
            rows = next;
            made = incremental;
        }
        // One statement touches one predicate: the stages that do not read it are reused.
        assertThat(applied).isGreaterThan(200);
        assertThat(reusedSome).as("changes that reused stages").isEqualTo(applied);
    }

    @Test
    void aShortcutBetweenTwoCopsRecomputesOnlyItsStageAndARenamedCopIsInTheReasonsMadeBefore() {
        FactRows rows = rows(80, 9);
        FactsJoin.Made made = FactsJoin.make(rows, null);
        List<String> cops = made.facts().nodes().values().stream().filter(n -> n.type() == NodeType.COP).map(Node::iri).sorted().toList();
        String a = cops.get(0);
        // A CoP with no cross-pollination from or to a: a detailed one would hide the shortcut.
        String b = cops.stream().skip(1).filter(c -> made.facts().links().stream().noneMatch(l -> l.kind() == LinkKind.CROSS_POLLINATION
                && (l.from().equals(a) && l.to().equals(c) || l.from().equals(c) && l.to().equals(a)))).findFirst().orElseThrow();
        String graph = Iris.DEFAULT.graph("synthetic");

        FactRows withShortcut = rows.apply(List.of(quad(graph, b, Cop.NS + "crossPollinatedBy", NodeFactory.createURI(a))), List.of());
        FactsJoin.Made next = FactsJoin.make(withShortcut, made);

        // The shortcuts' stage, and the nodes at their ends.
        assertThat(next.reused()).isEqualTo(next.stages() - 2);
        assertThat(next.facts().links()).isInstanceOf(LinkParts.class);
        assertThat(((LinkParts) next.facts().links()).parts().get(2)).isSameAs(((LinkParts) made.facts().links()).parts().get(2));
        Link shortcut = next.facts().links().stream().filter(l -> l.from().equals(a) && l.to().equals(b)
                && l.reason().text().contains("no details recorded")).findFirst().orElseThrow();

        org.apache.jena.graph.Node old = rows.rows(LABEL).stream().filter(r -> r.s().getURI().equals(a)).findFirst().orElseThrow().o();
        FactRows renamed = withShortcut.apply(List.of(quad(graph, a, LABEL, NodeFactory.createLiteralLang("Renamed CoP", "en"))),
                List.of(quad(graph, a, LABEL, old)));
        FactsJoin.Made after = FactsJoin.make(renamed, next);

        // The labels' stage, and the four maps of nodes (each node carries its label).
        assertThat(after.reused()).isEqualTo(after.stages() - 5);
        assertThat(after.facts().nodes().get(a).label()).isEqualTo("Renamed CoP");
        assertThat(shortcut.reason().text()).startsWith("Renamed CoP → ");
        assertThat(describe(after.facts())).isEqualTo(describe(FactsJoin.make(renamed, null).facts()));
    }

    /** One statement added or removed, of a predicate the facts are made of, as a curator's change would be. */
    private static void randomChange(FactRows rows, Random random, List<Quad> added, List<Quad> removed) {
        // Types a tenth of the time: every stage but the labels and the ties reads them.
        String p = random.nextInt(10) == 0 ? FactsReader.RDF_TYPE
                : FactsReader.PREDICATES.get(random.nextInt(FactsReader.PREDICATES.size()));
        List<FactRows.Row> table = new ArrayList<>(rows.rows(p));
        if (table.isEmpty()) {
            return;
        }
        FactRows.Row r = table.get(random.nextInt(table.size()));
        int what = random.nextInt(4);
        if (what == 0) {
            removed.add(quad(r.g(), r.s(), p, r.o()));
        } else if (what == 1) {
            // Another subject of the same table gets this object (a new practice, domain, agent...).
            FactRows.Row other = table.get(random.nextInt(table.size()));
            added.add(quad(r.g(), other.s(), p, r.o()));
        } else if (what == 2 && p.equals(FactsReader.RDF_TYPE)) {
            // A member becomes a CoP (its memberships become organisational ties), or a membership loses its type.
            List<FactRows.Row> members = new ArrayList<>(rows.rows("http://www.w3.org/ns/org#member"));
            FactRows.Row m = members.get(random.nextInt(members.size()));
            if (random.nextBoolean()) {
                added.add(quad(r.g(), m.o(), p, NodeFactory.createURI(Cop.NS + "CommunityOfPractice")));
            } else {
                removed.add(quad(m.g(), m.s(), p, NodeFactory.createURI("http://www.w3.org/ns/org#Membership")));
            }
        } else if (what == 2 && p.equals(LABEL)) {
            added.add(quad(r.g(), r.s(), p, NodeFactory.createLiteralLang("Anders " + random.nextInt(100), random.nextBoolean() ? "de" : "en")));
            removed.add(quad(r.g(), r.s(), p, r.o()));
        } else {
            // The same statement in another graph, or moved to it.
            String g = random.nextBoolean() ? Iris.DEFAULT.graph("elsewhere") : r.g();
            FactRows.Row other = table.get(random.nextInt(table.size()));
            added.add(quad(g, r.s(), p, other.o()));
            if (random.nextBoolean()) {
                removed.add(quad(r.g(), r.s(), p, r.o()));
            }
        }
    }

    static Quad quad(String g, String s, String p, org.apache.jena.graph.Node o) {
        return quad(g, NodeFactory.createURI(s), p, o);
    }

    private static Quad quad(String g, org.apache.jena.graph.Node s, String p, org.apache.jena.graph.Node o) {
        return Quad.create(NodeFactory.createURI(g), s, NodeFactory.createURI(p), o);
    }

    static String describe(Facts facts) {
        StringBuilder b = new StringBuilder();
        facts.nodes().values().stream().sorted(java.util.Comparator.comparing(Node::iri))
                .forEach(n -> b.append("node ").append(n.iri()).append(' ').append(n.label()).append(' ').append(n.type()).append('\n'));
        for (Link l : facts.links()) {
            Reason r = l.reason();
            b.append("link ").append(l.from()).append(" -> ").append(l.to()).append(l.directed() ? " directed " : " ")
                    .append(r.kind()).append(" | ").append(r.text()).append(" | ").append(r.via()).append(' ').append(r.date())
                    .append(' ').append(r.sources()).append(' ').append(r.weight()).append(' ').append(r.evidence()).append('\n');
        }
        return b.toString();
    }

    /** The statements a generated ecosystem's facts are made of. */
    static FactRows rows(int cops, long seed) {
        FactRows rows = FactRows.of(FactsReader.PREDICATES, FactsReader.KEPT_TYPES);
        FactRows.Filler fill = new FactRows.Filler(rows);
        new SyntheticEcosystem(cops, seed, SyntheticEcosystem.domainsOf(Home.current().ontology().resolve("schemes.ttl")), Iris.DEFAULT)
                .emit(new StreamRDFBase() {
                    @Override
                    public void quad(Quad q) {
                        if (q.getGraph().isURI() && rows.keeps(q.getPredicate(), q.getObject())) {
                            fill.add(q.getPredicate().getURI(), q.getSubject(), q.getObject(), q.getGraph().getURI());
                        }
                    }
                });
        return rows;
    }
}
