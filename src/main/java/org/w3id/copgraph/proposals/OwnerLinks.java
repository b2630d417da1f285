package org.w3id.copgraph.proposals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.PrivateStore;
import org.w3id.copgraph.store.Store;

/**
 * Owner links: a curator gives a CoP's contact person ({@code cop:contactPerson}) a link that signs
 * them in as the CoP's owner, {@code Caller(name, PUBLIC, copIri)}, able to propose changes to their
 * own CoP and what hangs off it (and, when the server lets owners edit without review, to make
 * them). The token is shown once; the private store keeps only its SHA-256 hash. Revoking a CoP's
 * links ends them at once.
 */
public final class OwnerLinks {

    private static final Node INDEX = NodeFactory.createURI("urn:copgraph:owner-links");
    private static final String NS = "urn:copgraph:owner-link#";
    private static final Node COP = NodeFactory.createURI(NS + "cop");
    private static final Node NAME = NodeFactory.createURI(NS + "name");
    private static final Node CREATED = NodeFactory.createURI(NS + "created");
    private static final Node CREATED_BY = NodeFactory.createURI(NS + "createdBy");
    private static final Node CONTACT_PERSON = NodeFactory.createURI(Cop.NS + "contactPerson");
    private static final Node FOAF_NAME = NodeFactory.createURI(Cop.FOAF + "name");

    /** A link just made: its token (shown once, never stored) and who it signs in. */
    public record Issued(String token, String cop, String name) {
        /** The path that signs the owner in. */
        public String path() {
            return "/owner/" + token;
        }
    }

    private final Store store;
    private final PrivateStore keep;
    private final Iris iris;
    private final SecureRandom random = new SecureRandom();

    public OwnerLinks(Store store, PrivateStore keep, Iris iris) {
        this.store = store;
        this.keep = keep;
        this.iris = iris;
    }

    /** A new link for the CoP {@code cop}, which must have a contact person; a curator's to make. */
    public Issued create(String cop, Caller curator) {
        Curation.require(curator, Role.CURATOR);
        Node c = NodeFactory.createURI(cop);
        String name = store.readUnion(g -> {
            if (!g.contains(c, org.apache.jena.vocabulary.RDF.type.asNode(), NodeFactory.createURI(Cop.CommunityOfPractice))) {
                throw Problem.notFound("no-such-cop", "There is no Community of Practice " + cop + ".");
            }
            Node person = first(g, c, CONTACT_PERSON);
            if (person == null) {
                throw new Problem(Problem.Kind.CONFLICT, "no-contact-person", "An owner link goes to a CoP's contact person,"
                        + " and " + cop + " has none: add cop:contactPerson first.");
            }
            Node label = first(g, person, FOAF_NAME);
            if (label == null) {
                label = first(g, person, RDFS.label.asNode());
            }
            return label != null && label.isLiteral() ? label.getLiteralLexicalForm()
                    : person.isURI() ? person.getURI().substring(person.getURI().lastIndexOf('/') + 1) : "owner";
        });
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Node s = subject(token);
        keep.write(d -> {
            Graph g = d.getGraph(INDEX);
            g.add(s, COP, c);
            g.add(s, NAME, NodeFactory.createLiteralString(name));
            g.add(s, CREATED, NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime));
            g.add(s, CREATED_BY, NodeFactory.createLiteralString(curator.name()));
        });
        return new Issued(token, cop, name);
    }

    /** The owner a token signs in, if it is a live link. */
    public Optional<Caller> signIn(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        Node s = subject(token);
        return keep.read(d -> {
            Graph g = d.getGraph(INDEX);
            Node cop = first(g, s, COP);
            Node name = first(g, s, NAME);
            return cop == null || name == null ? Optional.<Caller>empty()
                    : Optional.of(new Caller(name.getLiteralLexicalForm(), Role.PUBLIC, cop.getURI()));
        });
    }

    /** Ends every link of {@code cop}; how many there were. A curator's to do. */
    public int revoke(String cop, Caller curator) {
        Curation.require(curator, Role.CURATOR);
        Node c = NodeFactory.createURI(cop);
        List<Node> links = new ArrayList<>();
        keep.write(d -> {
            Graph g = d.getGraph(INDEX);
            g.find(Node.ANY, COP, c).mapWith(Triple::getSubject).forEachRemaining(links::add);
            for (Node s : links) {
                g.remove(s, Node.ANY, Node.ANY);
            }
        });
        return links.size();
    }

    /** The IRI of the CoP of a slug ({@code {base}id/cop/{slug}}). */
    public String copIri(String slug) {
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{0,127}")) {
            throw Problem.notFound("no-such-cop", "There is no Community of Practice '" + slug + "'.");
        }
        return iris.resource("cop", slug);
    }

    private static Node subject(String token) {
        return NodeFactory.createURI("urn:copgraph:owner-link:sha256:" + sha256(token));
    }

    private static Node first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
