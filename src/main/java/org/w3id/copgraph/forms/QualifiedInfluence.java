package org.w3id.copgraph.forms;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.w3id.copgraph.model.Cop;

/**
 * The statements a cross-pollination implies about the communities it links, as the ontology's
 * qualified-influence pattern and the shapes' SPARQL constraints require them: the target points
 * to it (cop:qualifiedCrossPollination), and unless it is only proposed or weak (the shortcut
 * says something was taken up), the shortcut edge target cop:crossPollinatedBy source (both ways
 * when mutual). A proposer fills in the cross-pollination; these follow from it.
 */
final class QualifiedInfluence {

    private static final Node TARGET = uri(Cop.NS + "target");
    private static final Node AGENT = uri("http://www.w3.org/ns/prov#agent");
    private static final Node QUALIFIED = uri(Cop.NS + "qualifiedCrossPollination");
    private static final Node SHORTCUT = uri(Cop.NS + "crossPollinatedBy");
    private static final Node STATUS = uri(Cop.NS + "evidenceStatus");
    private static final Node PROPOSED = uri(Cop.NS + "Proposed");
    private static final Node DIRECTION = uri(Cop.NS + "direction");
    private static final Node MUTUAL = uri(Cop.NS + "Mutual");
    private static final Node STRENGTH = uri(Cop.NS + "strength");
    private static final Node WEAK = uri(Cop.NS + "Weak");

    private QualifiedInfluence() {
    }

    static void addShortcuts(Graph description, Node xp) {
        List<Node> targets = description.find(xp, TARGET, Node.ANY).mapWith(Triple::getObject).toList();
        if (targets.isEmpty()) {
            return;
        }
        List<Node> sources = description.find(xp, AGENT, Node.ANY).mapWith(Triple::getObject).toList();
        boolean onlyProposed = !description.contains(xp, STATUS, Node.ANY) || description.contains(xp, STATUS, PROPOSED);
        boolean weak = description.contains(xp, STRENGTH, WEAK);
        boolean mutual = description.contains(xp, DIRECTION, MUTUAL);
        for (Node t : targets) {
            description.add(Triple.create(t, QUALIFIED, xp));
            for (Node s : sources) {
                if (!onlyProposed && !weak) {
                    description.add(Triple.create(t, SHORTCUT, s));
                    if (mutual) {
                        description.add(Triple.create(s, SHORTCUT, t));
                    }
                }
            }
        }
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
