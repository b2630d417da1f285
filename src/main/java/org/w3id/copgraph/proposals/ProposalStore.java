package org.w3id.copgraph.proposals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.copgraph.store.PrivateStore;

/**
 * Proposals in the private store: one subject per proposal in the graph {@code urn:copgraph:proposals}
 * (its kind, target, proposer, status...), and its added and removed statements each in a graph
 * of their own ({@code urn:copgraph:proposal:ID:added}, {@code :removed}), so blank nodes keep
 * their identity. These names are private: nothing published refers to them.
 */
final class ProposalStore {

    private static final String NS = "urn:copgraph:proposal#";
    private static final Node INDEX = NodeFactory.createURI("urn:copgraph:proposals");

    private static final Node KIND = p("kind");
    private static final Node TARGET = p("target");
    private static final Node PROPOSER = p("proposer");
    private static final Node CONTACT = p("contact");
    private static final Node NOTE = p("note");
    private static final Node SUBMITTED = p("submitted");
    private static final Node STATUS = p("status");
    private static final Node REVIEWER = p("reviewer");
    private static final Node COMMENT = p("comment");
    private static final Node DECIDED = p("decided");
    private static final Node CHANGE = p("change");
    private static final Node GRAPH = p("graph");
    private static final Node OWNER = p("owner");

    private final PrivateStore store;

    ProposalStore(PrivateStore store) {
        this.store = store;
    }

    private static Node p(String local) {
        return NodeFactory.createURI(NS + local);
    }

    private static Node subject(String id) {
        return NodeFactory.createURI("urn:copgraph:proposal:" + id);
    }

    private static Node addedGraph(String id) {
        return NodeFactory.createURI("urn:copgraph:proposal:" + id + ":added");
    }

    private static Node removedGraph(String id) {
        return NodeFactory.createURI("urn:copgraph:proposal:" + id + ":removed");
    }

    /** Keeps a new proposal, or the new state of one (its statements never change). */
    void put(Proposal pr) {
        store.write(d -> {
            Node s = subject(pr.id());
            boolean isNew = !d.contains(INDEX, s, Node.ANY, Node.ANY);
            d.deleteAny(INDEX, s, Node.ANY, Node.ANY);
            Graph g = d.getGraph(INDEX);
            g.add(s, KIND, lit(pr.kind()));
            g.add(s, TARGET, NodeFactory.createURI(pr.target()));
            g.add(s, PROPOSER, lit(pr.proposer()));
            opt(g, s, CONTACT, pr.contact());
            opt(g, s, NOTE, pr.note());
            g.add(s, SUBMITTED, time(pr.submitted()));
            g.add(s, STATUS, lit(pr.status().label()));
            opt(g, s, REVIEWER, pr.reviewer());
            opt(g, s, COMMENT, pr.comment());
            if (pr.decided() != null) {
                g.add(s, DECIDED, time(pr.decided()));
            }
            opt(g, s, CHANGE, pr.change());
            opt(g, s, GRAPH, pr.graph());
            opt(g, s, OWNER, pr.owner());
            if (isNew) {
                pr.added().find().forEachRemaining(t -> d.add(Quad.create(addedGraph(pr.id()), t)));
                pr.removed().find().forEachRemaining(t -> d.add(Quad.create(removedGraph(pr.id()), t)));
            }
        });
    }

    Optional<Proposal> get(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            return Optional.empty();
        }
        return store.read(d -> Optional.ofNullable(read(d, subject(id), id)));
    }

    List<Proposal> list(Status status) {
        return store.read(d -> {
            List<Proposal> out = new ArrayList<>();
            var it = status == null ? d.find(INDEX, Node.ANY, KIND, Node.ANY) : d.find(INDEX, Node.ANY, STATUS, lit(status.label()));
            List<Node> subjects = new ArrayList<>();
            it.forEachRemaining(q -> subjects.add(q.getSubject()));
            for (Node s : subjects) {
                String id = s.getURI().substring("urn:copgraph:proposal:".length());
                Proposal p = read(d, s, id);
                if (p != null) {
                    out.add(p);
                }
            }
            out.sort(Comparator.comparing(Proposal::submitted).thenComparing(Proposal::id));
            return out;
        });
    }

    private static Proposal read(DatasetGraph d, Node s, String id) {
        Graph g = d.getGraph(INDEX);
        String kind = str(g, s, KIND);
        if (kind == null) {
            return null;
        }
        return new Proposal(id, kind, iri(g, s, TARGET), copy(d.getGraph(addedGraph(id))), copy(d.getGraph(removedGraph(id))),
                str(g, s, PROPOSER), str(g, s, CONTACT), str(g, s, NOTE), instant(g, s, SUBMITTED),
                Status.parse(str(g, s, STATUS)), str(g, s, REVIEWER), str(g, s, COMMENT), instant(g, s, DECIDED),
                str(g, s, CHANGE), str(g, s, GRAPH), str(g, s, OWNER));
    }

    private static Graph copy(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(out::add);
        return out;
    }

    private static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node time(Instant t) {
        return NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime);
    }

    private static void opt(Graph g, Node s, Node p, String v) {
        if (v != null) {
            g.add(s, p, lit(v));
        }
    }

    private static Node first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String str(Graph g, Node s, Node p) {
        Node o = first(g, s, p);
        return o == null ? null : o.isURI() ? o.getURI() : o.getLiteralLexicalForm();
    }

    private static String iri(Graph g, Node s, Node p) {
        return str(g, s, p);
    }

    private static Instant instant(Graph g, Node s, Node p) {
        String v = str(g, s, p);
        return v == null ? null : Instant.parse(v);
    }
}
