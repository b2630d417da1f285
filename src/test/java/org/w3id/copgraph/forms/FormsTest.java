package org.w3id.copgraph.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.proposals.ProposalInput;

class FormsTest {

    private static final String BASE = Iris.DEFAULT_BASE;
    private static final String COP = "https://w3id.org/copgraph/ontology#";
    private static final String SCHEMA = "http://schema.org/";

    private static final String TEST_SHAPES = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix cop: <https://w3id.org/copgraph/ontology#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix ex: <https://example.org/shapes#> .
            ex:Main a sh:PropertyGroup ; sh:order 1 ; rdfs:label "Main"@en .
            ex:Tool a sh:NodeShape ; sh:targetClass cop:Tool ;
              sh:property [ sh:path rdfs:label ; sh:datatype xsd:string ; sh:minCount 1 ;
                            sh:group ex:Main ; sh:order %s ; sh:name "Name"@en ; sh:message "Name it."@en ] ,
                          [ sh:path dcterms:description ; sh:datatype xsd:string ;
                            sh:group ex:Main ; sh:order %s ; sh:message "Describe it."@en ] %s .
            """;

    private static Forms formsOf(String shapesTurtle) {
        Graph shapes = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(shapesTurtle)).lang(Lang.TURTLE).parse(shapes);
        return new Forms(Fixtures.seeded().store(), Iris.DEFAULT, shapes);
    }

    private static List<String> keys(FormView view) {
        return view.groups().stream().flatMap(g -> g.fields().stream()).map(FormView.Field::key).toList();
    }

    private static FormView.Field field(FormView view, String key) {
        return view.groups().stream().flatMap(g -> g.fields().stream()).filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void addingAPropertyShapeToTheShapesAddsAField() {
        FormView before = formsOf(TEST_SHAPES.formatted(1, 2, "")).form("tool", null);
        FormView after = formsOf(TEST_SHAPES.formatted(1, 2, """
                , [ sh:path <http://schema.org/url> ; sh:nodeKind sh:IRI ; sh:group ex:Main ; sh:order 3 ]""")).form("tool", null);

        assertThat(keys(before)).containsExactly("rdfs-label", "dcterms-description");
        assertThat(keys(after)).containsExactly("rdfs-label", "dcterms-description", "schema-url");
        assertThat(field(after, "schema-url").kind()).isEqualTo(InputKind.URL);
        // Without sh:name the property's own label names the field.
        assertThat(field(after, "dcterms-description").label()).isNotBlank();
        assertThat(field(after, "rdfs-label").label()).isEqualTo("Name");
        assertThat(field(after, "rdfs-label").required()).isTrue();
    }

    @Test
    void shOrderReordersTheFields() {
        FormView view = formsOf(TEST_SHAPES.formatted(5, 2, "")).form("tool", null);

        assertThat(keys(view)).containsExactly("dcterms-description", "rdfs-label");
    }

    @Test
    void shInGivesASelectOfItsValues() {
        FormView view = formsOf(TEST_SHAPES.formatted(1, 2, """
                , [ sh:path cop:practiceKind ; sh:maxCount 1 ; sh:in ( cop:ToolKind cop:MethodKind ) ; sh:group ex:Main ; sh:order 3 ]""")).form("tool", null);

        FormView.Field kind = field(view, "cop-practiceKind");
        assertThat(kind.kind()).isEqualTo(InputKind.SELECT);
        assertThat(kind.repeatable()).isFalse();
        assertThat(kind.options()).extracting(FormView.Option::value).containsExactly(COP + "ToolKind", COP + "MethodKind");
        assertThat(kind.options()).extracting(FormView.Option::label).containsExactly("tool", "method");
    }

    @Test
    void theCopFormHasTheFieldsOfTheCopShapeInOrderWithTheDomainsAsAPicker() {
        FormView view = Fixtures.seeded().forms().form("cop", null);

        assertThat(keys(view)).containsExactly("rdfs-label", "skos-altLabel", "dcterms-description", "cop-domain",
                "cop-hasPractice", "cop-usesTool", "cop-hostedBy", "cop-inNetwork", "cop-contactPerson",
                "cop-meetingMode", "schema-location", "schema-knowsLanguage", "cop-status");
        assertThat(view.groups()).extracting(FormView.Group::label).startsWith("Name and description", "Domain: what it is about");
        FormView.Field domain = field(view, "cop-domain");
        assertThat(domain.kind()).isEqualTo(InputKind.CONCEPT);
        assertThat(domain.repeatable()).isTrue();
        assertThat(domain.options()).extracting(FormView.Option::label).contains("permaculture", "socio-ecological transition");
        assertThat(domain.options()).extracting(FormView.Option::value).allMatch(v -> v.startsWith(BASE + "id/domain/"));
        FormView.Field status = field(view, "cop-status");
        assertThat(status.options()).extracting(FormView.Option::label).containsExactly("forming", "active", "dormant", "closed");
        assertThat(field(view, "rdfs-label").languageTagged()).isTrue();
        assertThat(field(view, "dcterms-description").kind()).isEqualTo(InputKind.LONG_TEXT);
        assertThat(field(view, "cop-hostedBy").kind()).isEqualTo(InputKind.RESOURCE);
        assertThat(field(view, "cop-hostedBy").options()).extracting(FormView.Option::label).contains("ECOLISE");
        assertThat(field(view, "cop-domain").message()).contains("domains scheme");
    }

    @Test
    void everyFormIsGeneratedFromTheShapes() {
        for (FormKind k : FormKind.values()) {
            FormView view = Fixtures.seeded().forms().form(k.formName, null);
            assertThat(keys(view)).as(k.formName).isNotEmpty().contains("rdfs-label");
        }
    }

    @Test
    void readingTheFieldsGivesTheStatementsOfANewCop() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("Seed Savers Circle"));
        fields.put("rdfs-label.lang", List.of("en"));
        fields.put("cop-domain", List.of(BASE + "id/domain/permaculture"));
        fields.put("cop-meetingMode", List.of(SCHEMA + "OnlineEventAttendanceMode"));
        fields.put("schema-knowsLanguage", List.of("en", "it", ""));
        fields.put("cop-status", List.of(BASE + "id/cop-status/forming"));
        fields.put("proposerName", List.of("Ada"));

        ProposalInput in = Fixtures.seeded().forms().read("cop", fields, null);

        Node s = NodeFactory.createURI(BASE + "id/cop/seed-savers-circle");
        assertThat(in.kind()).isEqualTo("new");
        assertThat(in.target()).isEqualTo(s.getURI());
        assertThat(in.proposerName()).isEqualTo("Ada");
        assertThat(in.proposerContact()).isNull();
        Graph d = in.description();
        assertThat(d.contains(s, type(), uri(COP + "CommunityOfPractice"))).isTrue();
        assertThat(d.contains(s, type(), uri("http://www.w3.org/ns/org#Organization"))).isTrue();
        assertThat(d.contains(s, type(), uri("http://xmlns.com/foaf/0.1/Group"))).isTrue();
        assertThat(d.contains(s, uri("http://www.w3.org/2000/01/rdf-schema#label"),
                NodeFactory.createLiteralLang("Seed Savers Circle", "en"))).isTrue();
        assertThat(d.contains(s, uri(COP + "domain"), uri(BASE + "id/domain/permaculture"))).isTrue();
        assertThat(d.contains(s, uri(COP + "meetingMode"), uri(SCHEMA + "OnlineEventAttendanceMode"))).isTrue();
        assertThat(d.contains(s, uri(SCHEMA + "knowsLanguage"), NodeFactory.createLiteralString("it"))).isTrue();
        assertThat(d.contains(s, uri(COP + "status"), uri(BASE + "id/cop-status/forming"))).isTrue();
        assertThat(d.size()).isEqualTo(9);
    }

    @Test
    void aNewResourceNamedLikeAnExistingOneGetsASuffix() {
        ProposalInput in = Fixtures.seeded().forms().read("tool",
                Map.of("rdfs-label", List.of("Zoom"), "proposerName", List.of("Ada")), null);

        assertThat(in.target()).isEqualTo(BASE + "id/tool/zoom-2");
        assertThat(in.description().contains(uri(in.target()), type(), uri(COP + "Practice"))).isTrue();
    }

    @Test
    void aChangeFormIsFilledWithTheCurrentData() {
        FormView view = Fixtures.seeded().forms().form("cop", BASE + "id/cop/urbana");

        assertThat(view.isChange()).isTrue();
        assertThat(view.title()).isEqualTo("Propose a change to UrbanA Community of Practice");
        assertThat(field(view, "rdfs-label").values()).containsExactly(new FormView.Value("UrbanA Community of Practice", "en"));
        assertThat(field(view, "cop-domain").options()).filteredOn(FormView.Option::selected)
                .extracting(FormView.Option::value).containsExactly(BASE + "id/domain/urban-sustainability-and-justice");
    }

    @Test
    void aChangeDescribesTheTargetsFormPropertiesAnew() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("UrbanA Community of Practice"));
        fields.put("rdfs-label.lang", List.of("en"));
        fields.put("cop-domain", List.of(BASE + "id/domain/urban-sustainability-and-justice", BASE + "id/domain/social-justice"));
        fields.put("proposerName", List.of("Ada"));

        ProposalInput in = Fixtures.seeded().forms().read("cop", fields, BASE + "id/cop/urbana");

        assertThat(in.kind()).isEqualTo("change");
        assertThat(in.target()).isEqualTo(BASE + "id/cop/urbana");
        assertThat(in.description().contains(uri(in.target()), uri(COP + "domain"), uri(BASE + "id/domain/social-justice"))).isTrue();
        assertThat(in.description().contains(uri(in.target()), type(), Node.ANY)).isFalse();
    }

    @Test
    void badValuesGiveTheShapesMessagesNextToTheFields() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("x".repeat(201)));
        fields.put("cop-domain", List.of(BASE + "id/role/member"));
        fields.put("cop-meetingMode", List.of(SCHEMA + "OnlineEventAttendanceMode", SCHEMA + "MixedEventAttendanceMode"));
        fields.put("schema-knowsLanguage", List.of("English!"));

        assertThatThrownBy(() -> Fixtures.seeded().forms().read("cop", fields, null))
                .isInstanceOfSatisfying(InvalidForm.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    FormView v = e.view();
                    assertThat(field(v, "rdfs-label").errors()).singleElement().asString()
                            .startsWith("At most 200 characters").contains("A Community of Practice needs a label (rdfs:label)");
                    assertThat(field(v, "cop-domain").errors()).singleElement().asString()
                            .contains("must be a SKOS concept of the domains scheme");
                    assertThat(field(v, "cop-meetingMode").errors()).singleElement().asString().startsWith("Only one value");
                    assertThat(field(v, "schema-knowsLanguage").errors()).singleElement().asString()
                            .contains("BCP 47 language code");
                    assertThat(v.about().fields().get(0).errors()).isNotEmpty();
                    // The values come back as typed.
                    assertThat(field(v, "rdfs-label").values()).extracting(FormView.Value::text).containsExactly("x".repeat(201));
                    assertThat(field(v, "schema-knowsLanguage").values()).extracting(FormView.Value::text).containsExactly("English!");
                    assertThat(v.errors()).extracting(FormView.ErrorLink::inputId).contains("f-rdfs-label-0", "f-cop-domain");
                });
    }

    @Test
    void aBadDateAndARequiredFieldLeftEmptyAreFieldErrors() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("Assembly"));
        fields.put("schema-startDate", List.of("31/05/2024"));
        fields.put("proposerName", List.of("Ada"));

        assertThatThrownBy(() -> Fixtures.seeded().forms().read("event", fields, null))
                .isInstanceOfSatisfying(InvalidForm.class, e -> {
                    assertThat(field(e.view(), "schema-startDate").errors()).singleElement().asString()
                            .startsWith("Not a date").contains("An event's start date (schema:startDate)");
                    assertThat(field(e.view(), "schema-name").errors()).singleElement().asString()
                            .isEqualTo("Required. An event needs a name (schema:name).");
                });
    }

    @Test
    void whatOnlyTheShapesCatchIsMappedBackToItsField() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("Assembly"));
        fields.put("schema-name", List.of("Assembly"));
        fields.put("cop-participantCount", List.of("-3"));
        fields.put("proposerName", List.of("Ada"));

        assertThatThrownBy(() -> Fixtures.seeded().forms().read("event", fields, null))
                .isInstanceOfSatisfying(InvalidForm.class, e -> assertThat(field(e.view(), "cop-participantCount").errors())
                        .singleElement().asString().startsWith("cop:participantCount must be a non-negative whole number"));
    }

    @Test
    void markupTypedIntoAFieldIsKeptAsText() {
        String markup = "<script>alert('x')</script><b>bold</b> & \"quoted\"";
        ProposalInput in = Fixtures.seeded().forms().read("practice",
                Map.of("rdfs-label", List.of(markup), "dcterms-description", List.of(markup), "proposerName", List.of(markup)), null);

        assertThat(in.description().find(uri(in.target()), uri("http://www.w3.org/2000/01/rdf-schema#label"), Node.ANY)
                .mapWith(t -> t.getObject().getLiteralLexicalForm()).toList()).containsExactly(markup);
        assertThat(in.proposerName()).isEqualTo(markup);
    }

    @Test
    void aStoryOfWhatMovedCarriesTheShortcutEdgesTheShapesAskFor() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("UrbanA learns the Game of the Dodo from BLAST"));
        fields.put("prov-agent", List.of(BASE + "id/cop/blast"));
        fields.put("cop-target", List.of(BASE + "id/cop/urbana"));
        fields.put("cop-direction", List.of(COP + "Unidirectional"));
        fields.put("cop-evidenceStatus", List.of(COP + "Reported"));
        fields.put("dcterms-source", List.of("https://example.org/report"));
        fields.put("proposerName", List.of("Ada"));

        ProposalInput in = Fixtures.seeded().forms().read("story", fields, null);

        Node xp = uri(in.target());
        assertThat(in.target()).startsWith(BASE + "id/cross-pollination/");
        assertThat(in.description().contains(uri(BASE + "id/cop/urbana"), uri(COP + "qualifiedCrossPollination"), xp)).isTrue();
        assertThat(in.description().contains(uri(BASE + "id/cop/urbana"), uri(COP + "crossPollinatedBy"), uri(BASE + "id/cop/blast"))).isTrue();
    }

    @Test
    void aWeakStoryOfWhatMovedCarriesNoShortcut() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("UrbanA hears of the Game of the Dodo from BLAST"));
        fields.put("prov-agent", List.of(BASE + "id/cop/blast"));
        fields.put("cop-target", List.of(BASE + "id/cop/urbana"));
        fields.put("cop-direction", List.of(COP + "Mutual"));
        fields.put("cop-strength", List.of(COP + "Weak"));
        fields.put("cop-evidenceStatus", List.of(COP + "Reported"));
        fields.put("dcterms-source", List.of("https://example.org/report"));
        fields.put("proposerName", List.of("Ada"));

        ProposalInput in = Fixtures.seeded().forms().read("story", fields, null);

        assertThat(in.description().contains(uri(BASE + "id/cop/urbana"), uri(COP + "qualifiedCrossPollination"), uri(in.target()))).isTrue();
        assertThat(in.description().contains(Node.ANY, uri(COP + "crossPollinatedBy"), Node.ANY)).isFalse();
    }

    @Test
    void theValueStoryFormAsksForCommunitiesCyclesIndicatorsAndSource() {
        FormView view = Fixtures.seeded().forms().form("value-story", null);

        assertThat(keys(view)).contains("rdfs-label", "dcterms-description", "cop-storyOf", "cop-involvedPerson",
                "cop-aboutCrossPollination", "cop-valueCycle", "cop-indicator", "dcterms-date", "dcterms-source");
        assertThat(view.groups()).extracting(FormView.Group::label).contains("Value: what it created");
        FormView.Field cycle = field(view, "cop-valueCycle");
        assertThat(cycle.kind()).isEqualTo(InputKind.CONCEPT);
        assertThat(cycle.options()).extracting(FormView.Option::label)
                .startsWith("immediate value", "potential value", "applied value", "realised value", "transformative value")
                .contains("strategic value", "enabling value");
        assertThat(field(view, "cop-storyOf").required()).isTrue();
        assertThat(field(view, "dcterms-source").required()).isTrue();
    }

    @Test
    void aValueStoryReadFromItsFormIsAValueCreationStory() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("The BLAST guide's definition on the CfF site"));
        fields.put("cop-storyOf", List.of(BASE + "id/cop/blast"));
        fields.put("cop-valueCycle", List.of(COP + "ImmediateValue"));
        fields.put("dcterms-source", List.of("https://example.org/report"));
        fields.put("proposerName", List.of("Ada"));

        ProposalInput in = Fixtures.seeded().forms().read("value-story", fields, null);

        assertThat(in.target()).startsWith(BASE + "id/value-story/");
        assertThat(in.description().contains(uri(in.target()), type(), uri(COP + "ValueCreationStory"))).isTrue();
        assertThat(in.description().contains(uri(in.target()), uri(COP + "valueCycle"), uri(COP + "ImmediateValue"))).isTrue();
    }

    @Test
    void anOfferNamesTheCopThatMakesItThroughTheInversePath() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rdfs-label", List.of("Facilitation of online sessions"));
        fields.put("cop-offers-of", List.of(BASE + "id/cop/blast"));
        fields.put("cop-concerns", List.of(BASE + "id/domain/communities-of-practice"));
        fields.put("proposerName", List.of("Ada"));

        ProposalInput in = Fixtures.seeded().forms().read("offer", fields, null);

        assertThat(in.description().contains(uri(BASE + "id/cop/blast"), uri(COP + "offers"), uri(in.target()))).isTrue();
        assertThat(in.description().contains(uri(in.target()), type(), uri(SCHEMA + "Offer"))).isTrue();
    }

    @Test
    void theHoneypotFieldFilledInIsRefused() {
        assertThatThrownBy(() -> Fixtures.seeded().forms().read("tool",
                Map.of("rdfs-label", List.of("Spam"), "proposerName", List.of("Bot"), "website", List.of("http://spam")), null))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("honeypot"));
    }

    @Test
    void anUnknownFormOrTargetIs404() {
        assertThatThrownBy(() -> Fixtures.seeded().forms().form("recipe", null))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> Fixtures.seeded().forms().form("cop", BASE + "id/tool/zoom"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    private static Node type() {
        return uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

}
