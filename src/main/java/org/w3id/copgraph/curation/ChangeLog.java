package org.w3id.copgraph.curation;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;

/**
 * Writes a change into the change-log graph as a {@code prov:Activity} (also {@code cop:Change}):
 * who, when, what operation, how many statements added and removed, which graphs and resources.
 */
public final class ChangeLog {

    private static final String PROV = "http://www.w3.org/ns/prov#";

    private final Iris iris;

    ChangeLog(Iris iris) {
        this.iris = iris;
    }

    void write(DatasetGraph dsg, ChangeRecord r) {
        Graph g = dsg.getGraph(uri(iris.changesGraph()));
        Node a = uri(r.activity());
        Node agent = uri(agentIri(iris, r.agent()));
        Node time = NodeFactory.createLiteralDT(r.time().toString(), XSDDatatype.XSDdateTime);
        g.add(a, RDF.type.asNode(), uri(PROV + "Activity"));
        g.add(a, RDF.type.asNode(), uri(Cop.Change));
        g.add(a, RDFS.label.asNode(), NodeFactory.createLiteralString(r.operation() + " by " + r.agent()
                + " (+" + r.added() + " / -" + r.removed() + ")"));
        g.add(a, uri(PROV + "wasAssociatedWith"), agent);
        g.add(agent, RDF.type.asNode(), uri(PROV + "Agent"));
        g.add(agent, RDFS.label.asNode(), NodeFactory.createLiteralString(r.agent()));
        g.add(a, uri(PROV + "startedAtTime"), time);
        g.add(a, uri(PROV + "endedAtTime"), time);
        g.add(a, uri(Cop.operation), NodeFactory.createLiteralString(r.operation()));
        g.add(a, uri(Cop.statementsAdded), NodeFactory.createLiteralDT(Long.toString(r.added()), XSDDatatype.XSDinteger));
        g.add(a, uri(Cop.statementsRemoved), NodeFactory.createLiteralDT(Long.toString(r.removed()), XSDDatatype.XSDinteger));
        for (ChangeRecord.Credit c : r.credits()) {
            credit(g, a, c);
        }
        r.graphs().forEach(x -> g.add(a, uri(Cop.changedGraph), uri(x)));
        r.resources().forEach(x -> g.add(a, uri(Cop.changedResource), uri(x)));
    }

    /**
     * What a removal adds to its activity: the CoP it removed ({@code prov:invalidated}) and why
     * ({@code cop:removalReason}), for the event stream's tombstone, the feed and the 410 page.
     */
    void removal(DatasetGraph dsg, ChangeRecord r, Node cop, String reason) {
        Graph g = dsg.getGraph(uri(iris.changesGraph()));
        Node a = uri(r.activity());
        g.add(a, uri(PROV + "invalidated"), cop);
        g.add(a, uri(Cop.removalReason), NodeFactory.createLiteralString(reason));
    }

    /**
     * Credits someone besides the caller: the activity {@code prov:wasAssociatedWith} them too, and
     * a {@code prov:qualifiedAssociation} says in which role ({@code {base}id/role/change-proposer},
     * {@code change-reviewer}, {@code change-owner}). A proposer's agent IRI is kept apart from the
     * token holders' ({@code agent/proposer-NAME}): a proposer names themselves, unchecked.
     */
    private void credit(Graph g, Node a, ChangeRecord.Credit c) {
        Node agent = uri(c.role().equals(ChangeRecord.PROPOSER) ? proposerIri(iris, c.name()) : agentIri(iris, c.name()));
        Node association = uri(a.getURI() + "#" + c.role());
        g.add(a, uri(PROV + "wasAssociatedWith"), agent);
        g.add(agent, RDF.type.asNode(), uri(PROV + "Agent"));
        g.add(agent, RDFS.label.asNode(), NodeFactory.createLiteralString(c.name()));
        g.add(a, uri(PROV + "qualifiedAssociation"), association);
        g.add(association, RDF.type.asNode(), uri(PROV + "Association"));
        g.add(association, uri(PROV + "agent"), agent);
        g.add(association, uri(PROV + "hadRole"), uri(iris.resource("role", "change-" + c.role())));
    }

    /** The agent IRI of a token holder (the caller of a change), as the change log names them. */
    public static String agentIri(Iris iris, String name) {
        return iris.resource("agent", name.replaceAll("[^A-Za-z0-9._-]", "-"));
    }

    /** The agent IRI of someone who proposed a change under {@code name}. */
    public static String proposerIri(Iris iris, String name) {
        return iris.resource("agent", "proposer-" + name.replaceAll("[^A-Za-z0-9._-]", "-"));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
