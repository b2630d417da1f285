package org.w3id.copgraph.curation;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/** A change a curator asks for; {@link Curation#apply} is the one way any of them is made. */
public sealed interface Change {

    /** A short name for the change log: update, graph-put, graph-post, graph-delete, import, load, restore, confirm, remove. */
    String operation();

    /** A SPARQL 1.1 Update request. */
    record SparqlUpdate(String request) implements Change {
        public String operation() {
            return "update";
        }
    }

    /** Graph Store Protocol PUT: the graph becomes exactly {@code data}. */
    record ReplaceGraph(Node graph, Graph data) implements Change {
        public String operation() {
            return "graph-put";
        }
    }

    /** Graph Store Protocol POST: {@code data} is added to the graph. */
    record AddToGraph(Node graph, Graph data) implements Change {
        public String operation() {
            return "graph-post";
        }
    }

    /** Graph Store Protocol DELETE. */
    record DeleteGraph(Node graph) implements Change {
        public String operation() {
            return "graph-delete";
        }
    }

    /**
     * Quads from files or an upload. With {@code replaceGraphs} each graph they carry is replaced
     * (the loader's behaviour, so loading the same files twice changes nothing); otherwise added to.
     */
    record Import(DatasetGraph data, boolean replaceGraphs, String operation) implements Change {
    }

    /**
     * A backup's data replaces the store's (see {@link Curation#restore}); {@code force} when an
     * admin restores data that breaks the shapes, which the change log then says.
     */
    record Restore(DatasetGraph data, boolean force) implements Change {
        public String operation() {
            return force ? "restore-forced" : "restore";
        }
    }

    /**
     * Confirming a CoP's entry "still accurate" on {@code date}: its {@code cop:lastReviewed} in the
     * reviews graph ({@code Iris#reviewsGraph}) becomes that date. A curator's, or the CoP's owner's.
     */
    record ConfirmReview(Node cop, java.time.LocalDate date) implements Change {
        public String operation() {
            return "confirm";
        }
    }

    /**
     * Removing a CoP from the data, and what only it used (see {@link CopRemoval}), for a
     * {@code reason} the change log keeps (and the event stream's tombstone shows).
     */
    record RemoveCop(Node cop, String reason) implements Change {
        public RemoveCop {
            if (reason == null || reason.isBlank()) {
                throw org.w3id.copgraph.Problem.badRequest("reason-required", "Say why the CoP is removed: the field"
                        + " 'reason' (it is kept in the change log and shown in the event stream and the feed).");
            }
            reason = reason.strip();
        }

        public String operation() {
            return "remove";
        }
    }

    /**
     * An accepted proposal: {@code removed} is taken out of whichever source graphs hold it (a
     * statement already gone is skipped: the proposal may be older than the data), {@code added}
     * goes into the proposal's own source graph {@code graph} ({@code {base}graph/proposal/{id}}),
     * and {@code description} (statements about {@code graph} only) into graph/meta, so the graph
     * says where it came from. {@code credits} name the proposer and the reviewer for the change log.
     * An owner whose scope covers every statement may make it without a curator's role.
     */
    record AcceptProposal(String proposal, Node graph, Graph added, Graph removed, Graph description,
                          java.util.List<ChangeRecord.Credit> credits, RemoveCop removal) implements Change {

        public AcceptProposal(String proposal, Node graph, Graph added, Graph removed, Graph description,
                              java.util.List<ChangeRecord.Credit> credits) {
            this(proposal, graph, added, removed, description, credits, null);
        }

        /**
         * An accepted proposal to remove a CoP: removed as a curator removes one (see {@link RemoveCop}),
         * with the proposer's reason in the change log, the event stream's tombstone and the 410 page.
         */
        public static AcceptProposal removing(String proposal, Node graph, Graph description,
                                              java.util.List<ChangeRecord.Credit> credits, RemoveCop removal) {
            Graph none = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            return new AcceptProposal(proposal, graph, none, none, description, credits, removal);
        }

        public String operation() {
            return "proposal";
        }
    }

    /**
     * An import through a mapping ({@code imports}): the source graph {@code graph} becomes
     * {@code data} (with the types the shapes imply), changed resource by resource (see
     * {@link SourceGraphDiff}), so what did not change is not touched and the event stream gets a
     * member only for what did; {@code description} (statements about {@code graph} only: title,
     * source, licence, attribution) replaces the graph's description in graph/meta when anything
     * changed or the graph had none.
     */
    record ReplaceSourceGraph(Node graph, Graph data, Graph description) implements Change {
        public String operation() {
            return "import-mapped";
        }
    }
}
