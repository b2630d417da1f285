package org.w3id.copgraph.curation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Cop;

/**
 * What removing a CoP takes out of the data (the source graphs; the change log, the sources'
 * descriptions and the event stream are history and stay). The rule:
 * <ol>
 * <li>every statement about the CoP, in every source graph (the reviews graph too), and about the
 *     blank nodes those lead to;</li>
 * <li>every statement that points at it ({@code cop:hosts}, {@code schema:mentions}, ...): a link to
 *     a CoP that is not there any more would dangle. The resource that pointed stays;</li>
 * <li>resources that exist only for the CoP, which go whole by the same rule:
 *     <ul>
 *     <li><b>defined by it</b>: a resource whose only value of a defining property ({@link #DEFINING}:
 *         a membership's organisation or member, a cross-pollination's ends, a grant's funded item,
 *         a working group's parent) is the removed resource. Without it, it would mean nothing (and
 *         break the shapes, which require those properties);</li>
 *     <li><b>parts of it, if nothing else uses them</b>: what the CoP reaches through {@link #PARTS}
 *         (its memberships, offers and needs, places, qualified cross-pollinations, practices)
 *         when no resource that stays refers to it.</li>
 *     </ul></li>
 * </ol>
 * Organisations, projects, people, domains, tools, events and documents it was linked to stay:
 * they are things in their own right, even when only this CoP referred to them.
 */
final class CopRemoval {

    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String SCHEMA = "http://schema.org/";

    private static final Set<Node> DEFINING = Set.of(uri(ORG + "organization"), uri(ORG + "member"),
            uri(Cop.NS + "target"), uri(Cop.PROV + "agent"), uri(SCHEMA + "fundedItem"), uri(ORG + "unitOf"));

    private static final Set<Node> PARTS = Set.of(uri(ORG + "hasMembership"), uri(Cop.NS + "offers"), uri(Cop.NS + "needs"),
            uri(SCHEMA + "location"), uri(Cop.NS + "qualifiedCrossPollination"), uri(Cop.NS + "hasPractice"));

    private static final int MAX_RESOURCES = 10_000;

    private CopRemoval() {
    }

    /**
     * Removes {@code cop} and what only it used from the source graphs {@code rec} shows; the
     * derived network metrics of what was removed go too (not as part of the change: they are
     * computed again after it, and would otherwise point at a CoP that is not there).
     */
    static void remove(RecordingDatasetGraph rec, Node cop, Node metricsGraph) {
        if (!rec.contains(Node.ANY, cop, RDF.type.asNode(), uri(Cop.CommunityOfPractice))) {
            throw Problem.notFound("no-such-cop", "There is no CoP " + cop.getURI() + " to remove.");
        }
        Set<Node> gone = resourcesToRemove(rec, cop);
        for (Node r : gone) {
            deleteWithBlankNodes(rec, r);
            rec.deleteAny(Node.ANY, Node.ANY, Node.ANY, r);
            dropDerived(rec.base(), metricsGraph, r);
        }
    }

    private static void dropDerived(org.apache.jena.sparql.core.DatasetGraph store, Node metricsGraph, Node r) {
        for (Quad q : all(store.find(metricsGraph, Node.ANY, uri(Cop.NS + "metricsOf"), r))) {
            store.deleteAny(metricsGraph, q.getSubject(), Node.ANY, Node.ANY);
        }
        store.deleteAny(metricsGraph, Node.ANY, Node.ANY, r);
    }

    /** The CoP and, to a fixpoint, what is defined by or only a part of something removed. */
    static Set<Node> resourcesToRemove(RecordingDatasetGraph rec, Node cop) {
        Set<Node> gone = new LinkedHashSet<>(List.of(cop));
        Deque<Node> todo = new ArrayDeque<>(gone);
        boolean grew = true;
        while (grew && gone.size() < MAX_RESOURCES) {
            while (!todo.isEmpty()) {
                Node r = todo.pop();
                for (Quad q : all(rec.findNG(Node.ANY, Node.ANY, Node.ANY, r))) {
                    Node x = q.getSubject();
                    if (!gone.contains(x) && DEFINING.contains(q.getPredicate()) && onlyValues(rec, x, q.getPredicate(), gone)) {
                        gone.add(x);
                        todo.push(x);
                    }
                }
            }
            // Parts are looked at once everything that defines them is known to go.
            grew = false;
            for (Node r : List.copyOf(gone)) {
                for (Quad q : all(rec.findNG(Node.ANY, r, Node.ANY, Node.ANY))) {
                    Node part = q.getObject();
                    if (PARTS.contains(q.getPredicate()) && part.isURI() && !gone.contains(part) && usedOnlyBy(rec, part, gone)) {
                        gone.add(part);
                        todo.push(part);
                        grew = true;
                    }
                }
            }
        }
        return gone;
    }

    /** Whether every value {@code x} has for {@code p} is in {@code gone}. */
    private static boolean onlyValues(RecordingDatasetGraph rec, Node x, Node p, Set<Node> gone) {
        return all(rec.findNG(Node.ANY, x, p, Node.ANY)).stream().allMatch(q -> gone.contains(q.getObject()));
    }

    /** Whether everything that refers to {@code part} is in {@code gone}. */
    private static boolean usedOnlyBy(RecordingDatasetGraph rec, Node part, Set<Node> gone) {
        return all(rec.findNG(Node.ANY, Node.ANY, Node.ANY, part)).stream().allMatch(q -> gone.contains(q.getSubject()));
    }

    private static void deleteWithBlankNodes(RecordingDatasetGraph rec, Node subject) {
        Deque<Node> todo = new ArrayDeque<>(List.of(subject));
        Set<Node> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Node s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            List<Quad> quads = all(rec.findNG(Node.ANY, s, Node.ANY, Node.ANY));
            for (Quad q : quads) {
                if (q.getObject().isBlank()) {
                    todo.push(q.getObject());
                }
            }
            rec.deleteAny(Node.ANY, s, Node.ANY, Node.ANY);
        }
    }

    private static List<Quad> all(Iterator<Quad> it) {
        List<Quad> out = new ArrayList<>();
        try {
            it.forEachRemaining(out::add);
        } finally {
            Iter.close(it);
        }
        return out;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
