package org.w3id.copgraph.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Change;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.store.Store;

/** The proposals service on its own, without HTTP. */
class ProposalServiceTest {

    private static final String BASE = "https://w3id.org/copgraph/";
    private static final Caller CURATOR = new Caller("carla-curator", Role.CURATOR);

    private static Graph turtle(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString("@prefix cop: <https://w3id.org/copgraph/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."
                + " @prefix dcterms: <http://purl.org/dc/terms/> .\n" + text, Lang.TURTLE).parse(g);
        return g;
    }

    @Test
    void proposalsSurviveARestartInThePrivateStoreBesideTheStore(@TempDir Path dir) {
        Path storeDir = dir.resolve("store");
        String cop = BASE + "id/cop/restart-swappers";
        String id;
        try (Copgraph cg = Copgraph.open(Fixtures.settings().withStore(storeDir))) {
            id = cg.proposals().submit(new ProposalInput("new", cop, turtle("<" + cop + "> a cop:CommunityOfPractice ; rdfs:label \"R\" ."),
                    "Ana", "ana@example.org", null), Caller.ANONYMOUS, "127.0.0.1").id();
            assertThat(cg.store().isEmpty()).as("nothing published").isTrue();
        }
        assertThat(Files.isDirectory(storeDir.resolve("private"))).isTrue();
        try (Copgraph cg = Copgraph.open(Fixtures.settings().withStore(storeDir))) {
            Proposal p = cg.proposals().get(id).orElseThrow();
            assertThat(p.status()).isEqualTo(Status.PENDING);
            assertThat(p.contact()).isEqualTo("ana@example.org");
            assertThat(p.added().size()).isEqualTo(4);
            assertThat(cg.proposals().list(Status.PENDING)).extracting(Proposal::id).containsExactly(id);
        }
    }

    @Test
    void anOwnersEditWaitsForReviewByDefaultAndThenCreditsProposerAndReviewer() {
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.inMemory())) {
            cg.loader().loadSeedIfEmpty();
            String urbana = BASE + "id/cop/urbana";
            cg.curation().apply(CURATOR, new Change.SparqlUpdate("INSERT DATA { GRAPH <" + BASE + "graph/owner-test> { <" + urbana
                    + "> <https://w3id.org/copgraph/ontology#contactPerson> <" + BASE + "id/person/pauliina-helle> } }"));
            var link = cg.ownerLinks().create(urbana, CURATOR);
            Caller owner = cg.ownerLinks().signIn(link.token()).orElseThrow();
            assertThat(owner.scope()).isEqualTo(urbana);
            assertThat(owner.role()).isEqualTo(Role.PUBLIC);
            long before = cg.store().tripleCount();
            Proposal p = cg.proposals().submit(new ProposalInput("change", urbana,
                    turtle("<" + urbana + "> dcterms:description \"Owner's words\"@en ."), null, null, null), owner, "10.0.0.1");
            assertThat(p.status()).isEqualTo(Status.PENDING);
            assertThat(p.owner()).isEqualTo(urbana);
            assertThat(p.proposer()).isEqualTo(owner.name());
            assertThat(cg.store().tripleCount()).isEqualTo(before);
            assertThatThrownBy(() -> cg.proposals().accept(p.id(), owner, null)).isInstanceOf(Problem.class)
                    .extracting(e -> ((Problem) e).status()).isEqualTo(401);
            var r = cg.proposals().accept(p.id(), CURATOR, "fine");
            assertThat(r.credits()).extracting(c -> c.role()).containsExactly("proposer", "reviewer");
            assertThat(cg.ownerLinks().revoke(urbana, CURATOR)).isEqualTo(1);
            assertThat(cg.ownerLinks().signIn(link.token())).isEmpty();
        }
    }

    @Test
    void aRemovalTakesTheTargetAndWhatPointsAtIt() {
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.inMemory())) {
            cg.loader().loadSeedIfEmpty();
            String x = BASE + "id/cop/to-remove";
            cg.curation().apply(CURATOR, new Change.SparqlUpdate("PREFIX cop: <https://w3id.org/copgraph/ontology#>"
                    + " INSERT DATA { GRAPH <" + BASE + "graph/removal-test> { <" + x + "> a cop:CommunityOfPractice ;"
                    + " <http://www.w3.org/2000/01/rdf-schema#label> \"Gone soon\" } }"));
            Proposal p = cg.proposals().submit(new ProposalInput("remove", x, null, "Ana", null, "It closed in 2025"),
                    Caller.ANONYMOUS, "10.0.0.2");
            assertThat(p.removed().size()).isEqualTo(4);
            assertThat(p.added().isEmpty()).isTrue();
            cg.proposals().accept(p.id(), CURATOR, "closed");
            boolean left = cg.store().readUnion(g -> g.contains(org.apache.jena.graph.NodeFactory.createURI(x),
                    org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY));
            assertThat(left).isFalse();
        }
    }
}
