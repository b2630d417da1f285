package org.w3id.copgraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

class DataTest {

    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String SCHEMA = "http://schema.org/";
    private static final String PROV = "http://www.w3.org/ns/prov#";

    private static final Set<String> KINDS = Set.of("cop", "organisation", "project", "person", "event", "practice",
            "tool", "document", "quotation", "definition", "membership", "cross-pollination", "ecosystem",
            "working-group", "place", "grant", "domain", "role", "scheme", "agent", "cop-status", "offer", "need",
            "value-story");
    /** Kinds whose resources are defined in ontology/*.ttl rather than in a source graph. */
    private static final Set<String> VOCABULARY_KINDS = Set.of("domain", "role", "scheme", "cop-status");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** For each kind, the types every resource of that kind must carry (no reasoner runs at query time). */
    private static final Map<String, List<String>> REQUIRED_TYPES = Map.ofEntries(
            Map.entry("cop", List.of(cop("CommunityOfPractice"), ORG + "Organization", FOAF + "Group")),
            Map.entry("organisation", List.of(ORG + "Organization", FOAF + "Organization")),
            Map.entry("project", List.of(cop("Project"), ORG + "OrganizationalCollaboration", ORG + "Organization")),
            Map.entry("person", List.of(FOAF + "Person", SCHEMA + "Person")),
            Map.entry("event", List.of(SCHEMA + "Event")),
            Map.entry("practice", List.of(cop("Practice"))),
            Map.entry("tool", List.of(cop("Tool"), cop("Practice"))),
            Map.entry("document", List.of(SCHEMA + "CreativeWork")),
            Map.entry("quotation", List.of(cop("Quotation"), SCHEMA + "Quotation")),
            Map.entry("definition", List.of(cop("Definition"))),
            Map.entry("membership", List.of(ORG + "Membership")),
            Map.entry("cross-pollination", List.of(cop("CrossPollination"), PROV + "Influence")),
            Map.entry("ecosystem", List.of(cop("Ecosystem"), ORG + "OrganizationalCollaboration")),
            Map.entry("working-group", List.of(cop("WorkingGroup"), ORG + "OrganizationalUnit")),
            Map.entry("place", List.of(SCHEMA + "Place")),
            Map.entry("grant", List.of(SCHEMA + "MonetaryGrant")),
            Map.entry("agent", List.of(PROV + "Agent")),
            Map.entry("offer", List.of(cop("Offer"), SCHEMA + "Offer")),
            Map.entry("need", List.of(cop("Need"), SCHEMA + "Demand")),
            Map.entry("value-story", List.of(cop("ValueCreationStory"), cop("Story"), cop("Practice"), SCHEMA + "CreativeWork")));

    /** Pairs of types no resource may carry together. */
    private static final List<List<String>> DISJOINT = List.of(
            List.of(cop("CommunityOfPractice"), cop("Project")),
            List.of(cop("CommunityOfPractice"), cop("Ecosystem")),
            List.of(cop("Project"), cop("Ecosystem")),
            List.of(FOAF + "Person", ORG + "Organization"),
            List.of(cop("Practice"), SCHEMA + "Event"),
            List.of(cop("CrossPollination"), cop("Practice")),
            List.of(SCHEMA + "Place", ORG + "Organization"),
            List.of(SCHEMA + "Event", ORG + "Organization"));

    @Test
    void everyDataFileParses() {
        assertThat(ModelFiles.dataFiles()).isNotEmpty();
        for (Path file : ModelFiles.dataFiles()) {
            Dataset dataset = ModelFiles.readDataset(file);
            assertThat(dataset.listModelNames()).as("named graphs of %s", file).hasNext();
        }
    }

    @Test
    void noDataFileHasATripleInTheDefaultGraph() {
        for (Path file : ModelFiles.dataFiles()) {
            assertThat(ModelFiles.readDataset(file).getDefaultModel().size()).as("default graph of %s", file).isZero();
        }
    }

    @Test
    void everyDataFileHoldsItsOwnSourceGraphAndItsMetadata() {
        for (Path file : ModelFiles.dataFiles()) {
            Dataset dataset = ModelFiles.readDataset(file);
            Set<String> names = new TreeSet<>();
            dataset.listModelNames().forEachRemaining(r -> names.add(r.getURI()));
            String own = ModelFiles.GRAPH + ModelFiles.slugOfFile(file);
            assertThat(names).as("graphs of %s", file).containsExactlyInAnyOrder(own, ModelFiles.META_GRAPH);

            Model meta = dataset.getNamedModel(ModelFiles.META_GRAPH);
            Resource graph = meta.getResource(own);
            assertThat(graph.hasProperty(RDF.type, meta.getResource(cop("SourceGraph")))).as("%s a cop:SourceGraph", own).isTrue();
            assertThat(graph.hasProperty(RDF.type, meta.getResource(PROV + "Entity"))).as("%s a prov:Entity", own).isTrue();
            assertThat(graph.getPropertyResourceValue(DCTerms.source)).as("dcterms:source of %s", own).isNotNull();
            assertThat(graph.getPropertyResourceValue(prop(PROV + "hadPrimarySource"))).as("prov:hadPrimarySource of %s", own).isNotNull();
            assertThat(graph.getPropertyResourceValue(prop(PROV + "wasDerivedFrom"))).as("prov:wasDerivedFrom of %s", own).isNotNull();
            assertThat(graph.getPropertyResourceValue(prop(PROV + "wasAttributedTo")).getURI())
                    .isEqualTo(ModelFiles.ID + "agent/copgraph-curators");
            assertThat(graph.hasProperty(prop(PROV + "generatedAtTime"))).as("prov:generatedAtTime of %s", own).isTrue();
            assertThat(graph.hasProperty(DCTerms.title)).as("dcterms:title of %s", own).isTrue();
            Model others = dataset.getNamedModel(ModelFiles.META_GRAPH);
            others.listSubjectsWithProperty(RDF.type, meta.getResource(cop("SourceGraph"))).forEachRemaining(g ->
                    assertThat(g.getURI()).as("%s describes only its own graph", file).isEqualTo(own));
        }
    }

    @Test
    void everyResourceHasAStatementInAGraphWithSourceMetadata() {
        Dataset all = ModelFiles.allData();
        Model meta = all.getNamedModel(ModelFiles.META_GRAPH);
        Set<String> sourced = new TreeSet<>();
        meta.listSubjectsWithProperty(DCTerms.source).forEachRemaining(g -> sourced.add(g.getURI()));

        Set<String> described = new TreeSet<>();
        all.listModelNames().forEachRemaining(name -> {
            if (sourced.contains(name.getURI())) {
                all.getNamedModel(name).listSubjects().forEachRemaining(s -> {
                    if (s.isURIResource()) {
                        described.add(s.getURI());
                    }
                });
            }
        });
        // described in graph/meta, by the curators themselves: they and their research notes
        described.add(ModelFiles.ID + "agent/copgraph-curators");
        described.add(ModelFiles.ID + "document/research-notes-vocabularies-and-facts");

        Set<String> missing = new TreeSet<>();
        for (String iri : idResourcesIn(ModelFiles.unionOfGraphs(ModelFiles.dataFiles()))) {
            if (!VOCABULARY_KINDS.contains(kindOf(iri)) && !described.contains(iri)) {
                missing.add(iri);
            }
        }
        assertThat(missing).as("resources with no statement in a sourced graph").isEmpty();
    }

    @Test
    void everyConceptTheDataUsesIsDefinedInTheSchemes() {
        Model vocabulary = ModelFiles.vocabulary();
        Set<String> undefined = new TreeSet<>();
        for (String iri : idResourcesIn(ModelFiles.unionOfGraphs(ModelFiles.dataFiles()))) {
            if (VOCABULARY_KINDS.contains(kindOf(iri))
                    && !vocabulary.contains(vocabulary.getResource(iri), RDF.type, SKOS.Concept)
                    && !vocabulary.contains(vocabulary.getResource(iri), RDF.type, SKOS.ConceptScheme)) {
                undefined.add(iri);
            }
        }
        assertThat(undefined).isEmpty();
    }

    @Test
    void resourceIrisFollowTheKindAndSlugPattern() {
        Model all = ModelFiles.unionOfGraphs(ModelFiles.dataFiles());
        all.add(ModelFiles.vocabulary());
        for (String iri : idResourcesIn(all)) {
            String rest = iri.substring(ModelFiles.ID.length());
            String[] parts = rest.split("/", -1);
            assertThat(parts).as(iri).hasSize(2);
            assertThat(KINDS).as("kind of %s", iri).contains(parts[0]);
            assertThat(SLUG.matcher(parts[1]).matches()).as("slug of %s is lower-case ASCII, hyphenated", iri).isTrue();
        }
    }

    @Test
    void noTwoResourcesShareAKindAndSlugAfterLowerCasing() {
        Model all = ModelFiles.unionOfGraphs(ModelFiles.dataFiles());
        all.add(ModelFiles.vocabulary());
        Map<String, String> seen = new HashMap<>();
        for (String iri : idResourcesIn(all)) {
            String key = iri.toLowerCase(Locale.ROOT);
            String previous = seen.putIfAbsent(key, iri);
            assertThat(previous == null || previous.equals(iri)).as("%s clashes with %s", iri, previous).isTrue();
        }
    }

    @Test
    void everyResourceIsTypedAsItsKindRequires() {
        Model all = ModelFiles.unionOfGraphs(ModelFiles.dataFiles());
        for (String iri : idResourcesIn(all)) {
            List<String> required = REQUIRED_TYPES.get(kindOf(iri));
            if (required == null) {
                continue;
            }
            Resource resource = all.getResource(iri);
            for (String type : required) {
                assertThat(resource.hasProperty(RDF.type, all.getResource(type))).as("%s a <%s>", iri, type).isTrue();
            }
        }
    }

    @Test
    void noResourceIsTypedInconsistently() {
        Model all = ModelFiles.unionOfGraphs(ModelFiles.dataFiles());
        for (String iri : idResourcesIn(all)) {
            Resource resource = all.getResource(iri);
            for (List<String> pair : DISJOINT) {
                boolean both = resource.hasProperty(RDF.type, all.getResource(pair.get(0)))
                        && resource.hasProperty(RDF.type, all.getResource(pair.get(1)));
                assertThat(both).as("%s is typed both %s and %s", iri, pair.get(0), pair.get(1)).isFalse();
            }
        }
    }

    /** The shortcut org:memberOf says someone is a member: a membership only proposed has none. */
    @Test
    void everyMemberOfShortcutHasAQualifiedMembershipAndBackUnlessOnlyProposed() {
        Model all = ModelFiles.unionOfGraphs(ModelFiles.dataFiles());
        Property memberOf = prop(ORG + "memberOf");
        Property member = prop(ORG + "member");
        Property organization = prop(ORG + "organization");
        Resource membership = all.getResource(ORG + "Membership");
        all.listStatements(null, memberOf, (RDFNode) null).forEachRemaining(s -> {
            boolean qualified = all.listResourcesWithProperty(member, s.getSubject()).toList().stream()
                    .anyMatch(m -> m.hasProperty(RDF.type, membership) && m.hasProperty(organization, s.getObject()));
            assertThat(qualified).as("org:Membership for %s org:memberOf %s", s.getSubject(), s.getObject()).isTrue();
        });
        Resource proposed = all.getResource(cop("Proposed"));
        all.listSubjectsWithProperty(RDF.type, membership).forEachRemaining(m -> {
            Resource who = m.getPropertyResourceValue(member);
            Resource where = m.getPropertyResourceValue(organization);
            boolean onlyProposed = m.hasProperty(prop(cop("evidenceStatus")), proposed);
            assertThat(all.contains(who, memberOf, where)).as("shortcut org:memberOf for %s", m).isEqualTo(!onlyProposed);
        });
    }

    @Test
    void everyResourceHasALabel() {
        Model all = ModelFiles.unionOfGraphs(ModelFiles.dataFiles());
        for (String iri : idResourcesIn(all)) {
            if (VOCABULARY_KINDS.contains(kindOf(iri))) {
                continue;
            }
            assertThat(all.getResource(iri).hasProperty(RDFS.label)).as("rdfs:label of %s", iri).isTrue();
        }
    }

    @Test
    void theSeedSessionIsModelledAsTheContractSays() {
        Model seed = ModelFiles.readDataset(ModelFiles.DATA_DIR.resolve("cff-session-3.trig"))
                .getNamedModel(ModelFiles.GRAPH + "cff-session-3");
        Resource session = seed.getResource(ModelFiles.ID + "event/cff-session-3");

        assertThat(session.hasProperty(RDF.type, seed.getResource(cop("OnlineSession")))).isTrue();
        Literal start = session.getProperty(prop(SCHEMA + "startDate")).getLiteral();
        assertThat(start.getLexicalForm()).isEqualTo("2020-12-02");
        assertThat(session.getProperty(prop(cop("participantCount"))).getInt()).isEqualTo(55);
        assertThat(session.getPropertyResourceValue(prop(cop("facilitator"))).getURI())
                .isEqualTo(ModelFiles.ID + "person/juan-del-rio");
        assertThat(objects(session, prop(cop("guest")))).containsExactlyInAnyOrder(
                ModelFiles.ID + "person/davie-phillip", ModelFiles.ID + "person/nicola-hillary",
                ModelFiles.ID + "person/duncan-crowley");
        assertThat(objects(session, prop(cop("usesTool")))).contains(ModelFiles.ID + "tool/zoom", ModelFiles.ID + "tool/miro");
        assertThat(seed.getResource(ModelFiles.ID + "person/davie-phillip").getProperty(SKOS.altLabel).getString())
                .isEqualTo("Davie Philip");

        Resource ecosystem = seed.getResource(ModelFiles.ID + "ecosystem/cff-cops-ecosystem");
        assertThat(ecosystem.getPropertyResourceValue(prop(cop("evidenceStatus"))).getURI()).isEqualTo(cop("Proposed"));
        for (String slug : List.of("urbana", "blast", "municipalities-in-transition")) {
            Resource community = seed.getResource(ModelFiles.ID + "cop/" + slug);
            // Proposed, not stated: a qualified membership marked proposed, and no shortcut saying it is a member.
            assertThat(seed.listResourcesWithProperty(prop(ORG + "member"), community).toList().stream()
                    .filter(m -> m.hasProperty(prop(ORG + "organization"), ecosystem))
                    .allMatch(m -> m.hasProperty(prop(cop("evidenceStatus")), seed.getResource(cop("Proposed"))))).as(slug).isTrue();
            assertThat(community.hasProperty(prop(cop("partOfEcosystem")), ecosystem)).as(slug).isFalse();
            assertThat(community.hasProperty(prop(ORG + "memberOf"), ecosystem)).as(slug).isFalse();
            assertThat(community.hasProperty(prop(cop("hostedBy")), seed.getResource(ModelFiles.ID + "project/" + slug)))
                    .as(slug).isTrue();
        }
    }

    @Test
    void conflictingFactsStayInTheirOwnSourcesGraphs() {
        assertThat(countsIn("mundo-j-ecolise", "organisation/ecolise", "memberCount")).containsExactly(43);
        assertThat(countsIn("cff-wiki-ecolise", "organisation/ecolise", "memberCount")).containsExactly(42);
        assertThat(countsIn("ecolise-edsc", "event/edsc-2019", "countryCount")).containsExactly(27);
        assertThat(countsIn("permaculture-association-edsc19", "event/edsc-2019", "countryCount")).containsExactly(22);
    }

    private static List<Integer> countsIn(String graphSlug, String resource, String property) {
        Model graph = ModelFiles.readDataset(ModelFiles.DATA_DIR.resolve(graphSlug + ".trig"))
                .getNamedModel(ModelFiles.GRAPH + graphSlug);
        return graph.getResource(ModelFiles.ID + resource).listProperties(prop(cop(property)))
                .mapWith(Statement::getInt).toList();
    }

    private static Set<String> objects(Resource subject, Property property) {
        Set<String> iris = new TreeSet<>();
        subject.listProperties(property).forEachRemaining(s -> iris.add(s.getResource().getURI()));
        return iris;
    }

    static Set<String> idResourcesIn(Model model) {
        Set<String> iris = new TreeSet<>();
        model.listStatements().forEachRemaining(s -> {
            addIfId(iris, s.getSubject());
            addIfId(iris, s.getObject());
        });
        return iris;
    }

    private static void addIfId(Set<String> iris, RDFNode node) {
        if (node.isURIResource() && node.asResource().getURI().startsWith(ModelFiles.ID)) {
            iris.add(node.asResource().getURI());
        }
    }

    private static String kindOf(String iri) {
        String rest = iri.substring(ModelFiles.ID.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String cop(String local) {
        return ModelFiles.COP + local;
    }

    private static Property prop(String iri) {
        return ResourceFactory.createProperty(iri);
    }
}
