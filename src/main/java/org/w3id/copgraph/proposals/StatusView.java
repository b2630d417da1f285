package org.w3id.copgraph.proposals;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;

/**
 * The page a proposer follows at the status address: where their proposal stands, what it
 * changes, and once decided, by whom, with what comment and where it was published. The
 * proposer's contact is not on it: the address is shared by anyone who has it.
 */
public record StatusView(String id, String kind, Link target, String status, String proposer, String note,
                         String submitted, String reviewer, String comment, String decided, Link change, Link graph,
                         List<String> added, List<String> removed, boolean justSubmitted, DiffView diff) {

    public String title() {
        return "Proposal " + id + ": " + status;
    }

    /** Without the labelled diff (for the JSON answer, which lists the statements). */
    public static StatusView of(Proposal p, Iris iris, boolean justSubmitted) {
        return of(p, iris, justSubmitted, null);
    }

    /** With {@code diff}: what the proposal changes as the review page shows it, by labels rather than IRIs. */
    public static StatusView of(Proposal p, Iris iris, boolean justSubmitted, DiffView diff) {
        return new StatusView(p.id(), p.kind(), link(iris, p.target()), p.status().label(), p.proposer(), p.note(),
                p.submitted().toString(), p.reviewer(), p.comment(), p.decided() == null ? null : p.decided().toString(),
                p.change() == null ? null : link(iris, p.change()), p.graph() == null ? null : link(iris, p.graph()),
                lines(p.added()), lines(p.removed()), justSubmitted, diff);
    }

    private static Link link(Iris iris, String iri) {
        String path = iris.pathOf(iri);
        return path != null ? Link.to(path, iri) : new Link(iri, iri, null, true);
    }

    /** Each statement as one line of N-Triples, sorted, for people to read and tools to copy. */
    static List<String> lines(Graph g) {
        List<String> out = new ArrayList<>();
        g.find().forEachRemaining(t -> out.add(line(t)));
        out.sort(null);
        return out;
    }

    static String line(Triple t) {
        return term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject()) + " .";
    }

    private static String term(Node n) {
        return org.apache.jena.riot.out.NodeFmtLib.strNT(n);
    }
}
