package org.w3id.copgraph.proposals;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIs;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Change;
import org.w3id.copgraph.curation.ChangeLog;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.curation.OwnerScope;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.PrivateStore;
import org.w3id.copgraph.store.Shacl;
import org.w3id.copgraph.store.Store;

/**
 * Proposals: taken from anyone (rate-limited, size-capped, previewed against the shapes), kept in
 * the private store, and published only through the one write path ({@link Change.AcceptProposal})
 * when a curator accepts them, or at once for an owner's edit of their own CoP when the server
 * lets owners edit without review ({@link Settings.Proposing#ownerEditsNeedReview()}).
 */
public final class ProposalService implements Proposals {

    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 4_000;
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

    private final Store store;
    private final Curation curation;
    private final Supplier<Shacl> shapes;
    private final Iris iris;
    private final Settings.Proposing settings;
    private final ProposalStore kept;
    private final RateLimit rate;
    private final SecureRandom random = new SecureRandom();
    private final Object decisions = new Object();

    public ProposalService(Store store, PrivateStore privateStore, Curation curation, Supplier<Shacl> shapes, Iris iris,
                           Settings.Proposing settings) {
        this.store = store;
        this.curation = curation;
        this.shapes = shapes;
        this.iris = iris;
        this.settings = settings;
        this.kept = new ProposalStore(privateStore);
        this.rate = new RateLimit(settings.burst(), settings.perHour());
    }

    public Settings.Proposing settings() {
        return settings;
    }

    /**
     * A 429 when {@code client} may not propose now. Checked before a proposal's body is read (it
     * takes nothing from the client's allowance; {@link #submit} does).
     */
    public void checkRate(String client) {
        rate.check(client);
    }

    @Override
    public Proposal submit(ProposalInput in, Caller who, String client) {
        rate.take(client);
        String kind = in.kind() == null ? "" : in.kind().strip();
        if (!List.of(Proposal.NEW, Proposal.CHANGE, Proposal.REMOVE).contains(kind)) {
            throw Problem.badRequest("bad-kind", "Say what the proposal is: kind=new (a new resource), change (a"
                    + " change to one) or remove (take one out, with a reason in note); got '" + kind + "'.");
        }
        Graph description = canonical(in.description() == null ? GraphFactory.createDefaultGraph() : in.description());
        if (description.size() > settings.maxStatements()) {
            throw new Problem(Problem.Kind.PAYLOAD_TOO_LARGE, "proposal-too-large", "A proposal may hold at most "
                    + settings.maxStatements() + " statements; this one has " + description.size()
                    + ". Split it into smaller proposals.");
        }
        String name = text(in.proposerName(), "name", MAX_NAME);
        if (name == null) {
            name = who.role() != Role.PUBLIC || who.scope() != null ? who.name() : null;
        }
        if (name == null) {
            throw Problem.badRequest("name-required", "Say who proposes this (name): the change log credits you by it.");
        }
        String contact = text(in.proposerContact(), "contact", MAX_NAME);
        String note = text(in.note(), "note", MAX_NOTE);
        if (kind.equals(Proposal.REMOVE) && note == null) {
            throw Problem.badRequest("reason-required", "Say why it should be removed (note): a curator reads it.");
        }
        String target = target(in.target(), kind, description);
        Node t = NodeFactory.createURI(target);
        if (!kind.equals(Proposal.REMOVE) && !description.contains(t, Node.ANY, Node.ANY)) {
            throw Problem.badRequest("nothing-about-target", "The description has no statement about " + target
                    + ": describe it as its subject.");
        }
        Diff.Result diff = store.read(d -> {
            Diff differ = new Diff(d, iris);
            boolean exists = differ.exists(t);
            Diff.Result r;
            switch (kind) {
                case Proposal.NEW -> {
                    if (exists) {
                        throw new Problem(Problem.Kind.CONFLICT, "target-exists", target + " is already in the graph."
                                + " To change it, send kind=change with target=" + target + " and the statements as they"
                                + " should be (only the properties you give are changed).");
                    }
                    r = differ.added(description);
                }
                case Proposal.CHANGE -> {
                    requireExists(exists, target);
                    r = differ.change(t, description);
                }
                default -> {
                    requireExists(exists, target);
                    r = differ.remove(t);
                }
            }
            addImpliedTypes(r.added(), differ);
            return r;
        });
        // The shapes, on the data as it would be: a proposal that breaks them is refused now, with
        // the report, so the proposer can mend it rather than a curator finding out later.
        Shacl.Report report = curation.preview(diff.added(), diff.removed());
        if (!report.conforms()) {
            throw new ShapesRefused(report);
        }
        if (diff.added().isEmpty() && diff.removed().isEmpty()) {
            throw Problem.badRequest("nothing-to-change", "The data already says exactly this about " + target
                    + ": there is nothing to propose.");
        }
        String owner = who.scope() != null && OwnerScope.covers(who.scope(), diff.added(), diff.removed()) ? who.scope() : null;
        if (who.scope() != null && owner == null) {
            // An owner's session speaks for their CoP; about anything else they propose as anyone does, signed out.
            throw new Problem(Problem.Kind.FORBIDDEN, "outside-owner-scope", "Signed in with the owner link of "
                    + who.scope() + ", you can propose changes to that CoP and what hangs off it. To propose anything"
                    + " else, sign out (POST /sign-out) and propose as anyone may.");
        }
        Proposal p = new Proposal(newId(), kind, target, diff.added(), diff.removed(), name, contact, note, now(),
                Status.PENDING, null, null, null, null, null, owner);
        kept.put(p);
        if (owner != null && !settings.ownerEditsNeedReview()) {
            // The owner's own CoP, and the server trusts owners: published now, credited to the owner.
            synchronized (decisions) {
                ChangeRecord r = publish(p, who, List.of(new ChangeRecord.Credit(name, ChangeRecord.OWNER)));
                return decide(p, Status.ACCEPTED, who, "Applied at once: an owner's edit of their own CoP.", r);
            }
        }
        return p;
    }

    @Override
    public Optional<Proposal> get(String id) {
        return kept.get(id);
    }

    @Override
    public List<Proposal> list(Status status) {
        return kept.list(status);
    }

    @Override
    public ChangeRecord accept(String id, Caller reviewer, String comment) {
        Curation.require(reviewer, Role.CURATOR);
        String c = text(comment, "comment", MAX_NOTE);
        synchronized (decisions) {
            Proposal p = pending(id);
            ChangeRecord r = publish(p, reviewer, List.of(new ChangeRecord.Credit(p.proposer(), ChangeRecord.PROPOSER),
                    new ChangeRecord.Credit(reviewer.name(), ChangeRecord.REVIEWER)));
            decide(p, Status.ACCEPTED, reviewer, c, r);
            return r;
        }
    }

    @Override
    public Proposal reject(String id, Caller reviewer, String comment) {
        Curation.require(reviewer, Role.CURATOR);
        String c = text(comment, "comment", MAX_NOTE);
        synchronized (decisions) {
            return decide(pending(id), Status.REJECTED, reviewer, c, null);
        }
    }

    private Proposal pending(String id) {
        Proposal p = get(id).orElseThrow(() -> Problem.notFound("no-such-proposal", "There is no proposal " + id
                + ". Pending ones are listed at /api/proposals?status=pending (curators)."));
        if (!p.pending()) {
            throw new Problem(Problem.Kind.CONFLICT, "already-decided", "Proposal " + id + " was already " + p.status().label()
                    + (p.reviewer() == null ? "" : " by " + p.reviewer()) + "; it cannot be decided again.");
        }
        return p;
    }

    /**
     * Publishes through the one write path. A proposal older than the data may remove statements
     * that are gone already: those are skipped and the rest applied. If nothing at all is left to
     * do, it is a 409 that says so (the curator rejects it, or the proposer proposes again).
     */
    private ChangeRecord publish(Proposal p, Caller by, List<ChangeRecord.Credit> credits) {
        Node graph = NodeFactory.createURI(iris.graph("proposal/" + p.id()));
        Change.AcceptProposal change = new Change.AcceptProposal(p.id(), graph, p.added(), p.removed(),
                description(p, graph, by), credits);
        ChangeRecord r = curation.apply(by, change);
        if (!r.changed()) {
            throw new Problem(Problem.Kind.CONFLICT, "nothing-to-apply", "The data already holds what proposal " + p.id()
                    + " adds and no longer has what it removes: someone made this change meanwhile. Reject it with a"
                    + " comment saying so.");
        }
        return r;
    }

    private Proposal decide(Proposal p, Status status, Caller by, String comment, ChangeRecord r) {
        Proposal d = new Proposal(p.id(), p.kind(), p.target(), p.added(), p.removed(), p.proposer(), p.contact(), p.note(),
                p.submitted(), status, by.name(), comment, now(), r == null ? null : r.activity(),
                r == null ? null : iris.graph("proposal/" + p.id()), p.owner());
        kept.put(d);
        return d;
    }

    /** How graph/meta describes the proposal's source graph: who proposed it, who reviewed it, where it came from. */
    private Graph description(Proposal p, Node graph, Caller by) {
        Graph g = GraphFactory.createDefaultGraph();
        Node source = NodeFactory.createURI(iris.forPath(p.statusPath()));
        Node proposer = NodeFactory.createURI(ChangeLog.proposerIri(iris, p.proposer()));
        Node reviewer = NodeFactory.createURI(ChangeLog.agentIri(iris, by.name()));
        g.add(graph, RDF.type.asNode(), uri(Cop.NS + "SourceGraph"));
        g.add(graph, RDF.type.asNode(), uri(Cop.PROV + "Entity"));
        g.add(graph, RDF.type.asNode(), uri(DCAT + "Dataset"));
        String title = "Proposal " + p.id() + " (" + p.kind() + " " + p.target() + ")";
        g.add(graph, RDFS.label.asNode(), NodeFactory.createLiteralLang("Source graph: " + title, "en"));
        g.add(graph, DCTerms.title.asNode(), NodeFactory.createLiteralLang(title, "en"));
        g.add(graph, DCTerms.source.asNode(), source);
        g.add(graph, uri(Cop.PROV + "hadPrimarySource"), source);
        g.add(graph, uri(Cop.PROV + "wasDerivedFrom"), source);
        g.add(graph, uri(Cop.PROV + "wasAttributedTo"), proposer);
        g.add(graph, DCTerms.contributor.asNode(), reviewer);
        g.add(graph, RDFS.comment.asNode(), NodeFactory.createLiteralLang("Proposed by " + p.proposer() + ", reviewed by "
                + by.name() + ".", "en"));
        g.add(graph, uri(Cop.PROV + "generatedAtTime"), NodeFactory.createLiteralDT(now().toString(), XSDDatatype.XSDdateTime));
        g.add(graph, uri(Cop.NS + "retrievedOn"), NodeFactory.createLiteralDT(
                p.submitted().atOffset(ZoneOffset.UTC).toLocalDate().toString(), XSDDatatype.XSDdate));
        g.add(graph, DCTerms.license.asNode(), uri(LICENCE));
        return g;
    }

    /** The types the shapes say the added types imply, as the write path will add them (shown to the reviewer). */
    private void addImpliedTypes(Graph added, Diff differ) {
        Node type = RDF.type.asNode();
        Shacl shacl = shapes.get();
        List<Triple> typed = added.find(Node.ANY, type, Node.ANY).toList();
        for (Triple t : typed) {
            for (Node implied : shacl.impliedTypes(t.getObject())) {
                if (differ.current(t.getSubject(), type, implied).isEmpty()) {
                    added.add(Triple.create(t.getSubject(), type, implied));
                }
            }
        }
    }

    /** A 422 that carries the SHACL report, so a form can show each message beside its field. */
    public static final class ShapesRefused extends Problem {
        private final transient Shacl.Report report;

        ShapesRefused(Shacl.Report report) {
            super(Kind.UNPROCESSABLE, "shacl-violation", "The proposal breaks the data contract (ontology/shapes.ttl);"
                    + " nothing was kept. Mend what the report says and send it again.\n" + report.text());
            this.report = report;
        }

        public Shacl.Report report() {
            return report;
        }
    }

    private static void requireExists(boolean exists, String target) {
        if (!exists) {
            throw Problem.notFound("no-such-target", target + " is not in the graph. To propose it, send kind=new.");
        }
    }

    /** The target IRI: as given, or for a new resource the one typed IRI the description is about. */
    private String target(String given, String kind, Graph description) {
        String t = given == null || given.isBlank() ? null : given.strip();
        if (t == null && kind.equals(Proposal.NEW)) {
            List<Node> typed = new ArrayList<>();
            description.find(Node.ANY, RDF.type.asNode(), Node.ANY).mapWith(Triple::getSubject).filterKeep(Node::isURI)
                    .forEachRemaining(n -> {
                        if (!typed.contains(n)) {
                            typed.add(n);
                        }
                    });
            if (typed.size() == 1) {
                t = typed.get(0).getURI();
            }
        }
        if (t == null) {
            throw Problem.badRequest("target-required", "Say which resource the proposal is about: target=IRI"
                    + " (e.g. " + iris.resource("cop", "your-cop") + ").");
        }
        if (!IRIs.check(t) || !iris.isResource(t)) {
            throw Problem.badRequest("bad-target", "The target must be a copgraph resource IRI such as "
                    + iris.resource("cop", "your-cop") + "; got '" + t + "'.");
        }
        return t;
    }

    /** A text field: stripped, null when empty, refused when longer than {@code max} characters. */
    private static String text(String s, String field, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        if (v.length() > max) {
            throw new Problem(Problem.Kind.PAYLOAD_TOO_LARGE, "field-too-long", "'" + field + "' may be at most " + max
                    + " characters; it has " + v.length() + ".");
        }
        return v;
    }

    /** Literals in canonical form, as the store keeps them, so "1.00" and "1.0" are the same statement. */
    private static Graph canonical(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> out.add(t.getObject().isLiteral()
                ? Triple.create(t.getSubject(), t.getPredicate(), CanonicalizeLiteral.get().apply(t.getObject())) : t));
        return out;
    }

    private String newId() {
        byte[] raw = new byte[12];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
