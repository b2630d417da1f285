package org.w3id.copgraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

class ShapesTest {

    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Shapes SHAPES = Shapes.parse(ModelFiles.read(ModelFiles.SHAPES).getGraph());

    @Test
    void everyDataFileConformsToTheShapes() {
        for (Path file : ModelFiles.dataFiles()) {
            ValidationReport report = validate(ModelFiles.unionOfGraphs(List.of(file)));
            assertThat(report.conforms()).as("%s conforms:%n%s", file, describe(report)).isTrue();
        }
    }

    @Test
    void theWholeGraphConformsToTheShapes() {
        ValidationReport report = validate(ModelFiles.unionOfGraphs(ModelFiles.dataFiles()));
        assertThat(report.conforms()).as(describe(report)).isTrue();
    }

    @Test
    void theOntologyAndSchemesConformToTheShapes() {
        ValidationReport report = validate(ModelFactory.createDefaultModel());
        assertThat(report.conforms()).as(describe(report)).isTrue();
    }

    @Test
    void everyClassOfTheOntologyHasAShape() {
        Model shapes = ModelFiles.read(ModelFiles.SHAPES);
        Model vocabulary = ModelFiles.vocabulary();
        Set<String> unshaped = new TreeSet<>();
        vocabulary.listSubjectsWithProperty(RDF.type, OWL.Class).forEachRemaining(c -> {
            if (c.isURIResource() && c.getURI().startsWith(ModelFiles.COP)
                    && !shapes.contains(null, shapes.createProperty(SH + "targetClass"), c)) {
                unshaped.add(c.getURI());
            }
        });
        assertThat(unshaped).isEmpty();
    }

    @Test
    void everyTypedResourceInTheDataIsCheckedByAtLeastOneShape() {
        Model shapes = ModelFiles.read(ModelFiles.SHAPES);
        Model data = ModelFiles.unionOfGraphs(ModelFiles.dataFiles());
        Model vocabulary = ModelFiles.vocabulary();
        Set<String> targeted = new TreeSet<>();
        shapes.listObjectsOfProperty(shapes.createProperty(SH + "targetClass"))
                .forEachRemaining(c -> targeted.add(c.asResource().getURI()));
        Set<String> unchecked = new TreeSet<>();
        data.listSubjectsWithProperty(RDF.type).forEachRemaining(subject -> {
            boolean checked = subject.listProperties(RDF.type).toList().stream()
                    .map(Statement::getResource)
                    .anyMatch(type -> targeted.contains(type.getURI())
                            || superClasses(vocabulary, type).stream().anyMatch(targeted::contains));
            if (!checked) {
                unchecked.add(String.valueOf(subject));
            }
        });
        assertThat(unchecked).isEmpty();
    }

    private static Set<String> superClasses(Model vocabulary, Resource type) {
        Set<String> supers = new TreeSet<>();
        Deque<Resource> todo = new ArrayDeque<>();
        todo.add(vocabulary.getResource(type.getURI()));
        while (!todo.isEmpty()) {
            vocabulary.listObjectsOfProperty(todo.pop(), RDFS.subClassOf).forEachRemaining(o -> {
                if (o.isURIResource() && supers.add(o.asResource().getURI())) {
                    todo.add(o.asResource());
                }
            });
        }
        return supers;
    }

    @Test
    void aCommunityOfPracticeWithoutALabelIsReported() {
        assertThat(messagesFor("""
                cp:nameless a cop:CommunityOfPractice , org:Organization , foaf:Group .
                """)).anyMatch(m -> m.contains("A Community of Practice needs a label"));
    }

    @Test
    void aCommunityOfPracticeMissingItsStandardTypesIsReported() {
        assertThat(messagesFor("""
                cp:bare a cop:CommunityOfPractice ; rdfs:label "Bare"@en .
                """)).anyMatch(m -> m.contains("org:Organization")).anyMatch(m -> m.contains("foaf:Group"));
    }

    @Test
    void aCrossPollinationWithoutSourceOrTargetIsReported() {
        assertThat(messagesFor("""
                xp:loose a cop:CrossPollination , prov:Influence ;
                    rdfs:label "loose"@en ;
                    cop:direction cop:Mutual ; cop:evidenceStatus cop:Reported ;
                    dcterms:source <https://example.org/source> .
                """))
                .anyMatch(m -> m.contains("needs exactly one source (prov:agent)"))
                .anyMatch(m -> m.contains("needs exactly one target (cop:target)"));
    }

    @Test
    void aCrossPollinationWithoutItsShortcutOrSourceIsReported() {
        assertThat(messagesFor("""
                cp:a a cop:CommunityOfPractice , org:Organization , foaf:Group ; rdfs:label "A"@en .
                cp:b a cop:CommunityOfPractice , org:Organization , foaf:Group ; rdfs:label "B"@en .
                xp:b-from-a a cop:CrossPollination , prov:Influence ;
                    rdfs:label "B from A"@en ;
                    prov:agent cp:a ; cop:target cp:b ;
                    cop:direction cop:Unidirectional ; cop:evidenceStatus cop:Reported ;
                    cop:strength cop:Strong ; dcterms:date "2020-12-02"^^xsd:date .
                """))
                .anyMatch(m -> m.contains("must point to it with cop:qualifiedCrossPollination"))
                .anyMatch(m -> m.contains("needs the shortcut edge"))
                .anyMatch(m -> m.contains("needs the source that attests it"));
    }

    @Test
    void aMembershipWithoutMemberOrOrganisationIsReported() {
        assertThat(messagesFor("""
                mship:empty a org:Membership ; org:role role:member .
                """))
                .anyMatch(m -> m.contains("needs exactly one member"))
                .anyMatch(m -> m.contains("needs exactly one organisation"));
    }

    @Test
    void aNegativeParticipantCountIsReported() {
        assertThat(messagesFor("""
                event:odd a schema:Event ; rdfs:label "Odd"@en ; schema:name "Odd"@en ;
                    cop:participantCount -3 .
                """)).anyMatch(m -> m.contains("cop:participantCount must be a non-negative"));
    }

    @Test
    void aParticipantCountWrittenAsAPlainIntegerIsAccepted() {
        Model data = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader("""
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix schema: <http://schema.org/> .
                @prefix cop: <https://w3id.org/copgraph/ontology#> .
                <https://w3id.org/copgraph/id/event/plain> a schema:Event ;
                    rdfs:label "Plain"@en ; schema:name "Plain"@en ; cop:participantCount 55 .
                """)).lang(Lang.TURTLE).parse(data);
        ValidationReport report = validate(data);
        assertThat(report.conforms()).as(describe(report)).isTrue();
    }

    @Test
    void aDateWrittenAsAPlainStringIsReported() {
        assertThat(messagesFor("""
                event:stringly a schema:Event ; rdfs:label "Stringly"@en ; schema:name "Stringly"@en ;
                    schema:startDate "2 December 2020" .
                """)).anyMatch(m -> m.contains("start date (schema:startDate)"));
    }

    @Test
    void aPersonWithoutANameOrWithAMailtoEmailIsReported() {
        assertThat(messagesFor("""
                person:anon a foaf:Person , schema:Person ; rdfs:label "Anon"@en ;
                    schema:email "mailto:anon@example.org" .
                """))
                .anyMatch(m -> m.contains("A person needs a name (foaf:name)"))
                .anyMatch(m -> m.contains("schema:email must be a plain e-mail address"));
    }

    @Test
    void aSourceGraphWithoutItsSourceUrlIsReported() {
        assertThat(messagesFor("""
                <https://w3id.org/copgraph/graph/anonymous> a cop:SourceGraph ;
                    dcterms:title "Anonymous"@en ;
                    prov:generatedAtTime "2026-11-24T00:00:00Z"^^xsd:dateTime .
                """)).anyMatch(m -> m.contains("needs the URL of its source"));
    }

    @Test
    void aWeakOrProposedCrossPollinationWithTheShortcutIsReported() {
        assertThat(messagesFor("""
                cp:a a cop:CommunityOfPractice , org:Organization , foaf:Group ; rdfs:label "A"@en ;
                    cop:crossPollinatedBy cp:b ; cop:qualifiedCrossPollination xp:b-to-a .
                cp:b a cop:CommunityOfPractice , org:Organization , foaf:Group ; rdfs:label "B"@en .
                xp:b-to-a a cop:CrossPollination , prov:Influence ; rdfs:label "B to A"@en ;
                    prov:agent cp:b ; cop:target cp:a ; cop:direction cop:Unidirectional ;
                    cop:strength cop:Weak ; cop:evidenceStatus cop:Reported ;
                    dcterms:source <https://example.org/report> .
                """)).anyMatch(m -> m.contains("only proposed, or weak, carries no shortcut edge"));
    }

    @Test
    void aValueCreationStoryNeedsItsCommunitiesAndSourceAndTakesCyclesOfItsScheme() {
        assertThat(messagesFor("""
                <https://w3id.org/copgraph/id/value-story/untold> a cop:ValueCreationStory , cop:Story , cop:Practice , schema:CreativeWork ;
                    rdfs:label "Untold"@en ; cop:valueCycle cop:Weak .
                """))
                .anyMatch(m -> m.contains("is the story of at least one Community of Practice"))
                .anyMatch(m -> m.contains("needs the source that tells it"))
                .anyMatch(m -> m.contains("value-creation-cycles scheme"));
    }

    @Test
    void aValueCreationStoryWithItsCyclesAndIndicatorsConforms() {
        Model data = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader("""
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix org: <http://www.w3.org/ns/org#> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> .
                @prefix schema: <http://schema.org/> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix cop: <https://w3id.org/copgraph/ontology#> .
                <https://w3id.org/copgraph/id/cop/a> a cop:CommunityOfPractice , org:Organization , foaf:Group ; rdfs:label "A"@en .
                <https://w3id.org/copgraph/id/value-story/a-learns> a cop:ValueCreationStory , cop:Story , cop:Practice , schema:CreativeWork ;
                    rdfs:label "What A learnt"@en ;
                    cop:storyOf <https://w3id.org/copgraph/id/cop/a> ;
                    cop:valueCycle cop:ImmediateValue , cop:AppliedValue ;
                    cop:indicator "the method used in two meetings"@en , <https://example.org/minutes> ;
                    dcterms:date "2021-03"^^xsd:gYearMonth ;
                    cop:evidenceStatus cop:Reported ;
                    dcterms:source <https://example.org/report> .
                """)).lang(Lang.TURTLE).parse(data);
        ValidationReport report = validate(data);
        assertThat(report.conforms()).as(describe(report)).isTrue();
    }

    @Test
    void aSuggestionIsSuggestedAndNeverACrossPollination() {
        assertThat(messagesFor("""
                cp:a a cop:CommunityOfPractice , org:Organization , foaf:Group ; rdfs:label "A"@en .
                cp:b a cop:CommunityOfPractice , org:Organization , foaf:Group ; rdfs:label "B"@en .
                <https://w3id.org/copgraph/id/suggestion/b-for-a> a cop:Suggestion ;
                    prov:agent cp:b ; cop:target cp:a ; cop:score 0.5 ; cop:evidenceStatus cop:Reported ;
                    cop:reason [ a cop:SuggestionReason ; cop:reasonKind cop:SharedDomain ; rdfs:comment "Both work on X."@en ] .
                """)).anyMatch(m -> m.contains("evidence status is cop:Suggested"));
    }

    private static List<String> messagesFor(String turtle) {
        String prefixes = """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix org: <http://www.w3.org/ns/org#> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> .
                @prefix prov: <http://www.w3.org/ns/prov#> .
                @prefix schema: <http://schema.org/> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix cop: <https://w3id.org/copgraph/ontology#> .
                @prefix cp: <https://w3id.org/copgraph/id/cop/> .
                @prefix xp: <https://w3id.org/copgraph/id/cross-pollination/> .
                @prefix mship: <https://w3id.org/copgraph/id/membership/> .
                @prefix event: <https://w3id.org/copgraph/id/event/> .
                @prefix person: <https://w3id.org/copgraph/id/person/> .
                @prefix role: <https://w3id.org/copgraph/id/role/> .
                """;
        Model data = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(prefixes + turtle)).lang(Lang.TURTLE).parse(data);
        ValidationReport report = validate(data);
        assertThat(report.conforms()).as("the bad example is reported").isFalse();
        return report.getEntries().stream().map(ReportEntry::message).toList();
    }

    static ValidationReport validate(Model data) {
        Model union = ModelFiles.vocabulary();
        union.add(data);
        Graph graph = union.getGraph();
        return ShaclValidator.get().validate(SHAPES, graph);
    }

    static String describe(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        for (ReportEntry entry : report.getEntries()) {
            text.append(entry.focusNode()).append(" ").append(entry.resultPath()).append(": ")
                    .append(entry.message()).append(" [").append(entry.value()).append("]\n");
        }
        return text.toString();
    }
}
