package org.w3id.copgraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OntologyTest {

    private static final Pattern COP_TERM = Pattern.compile("cop:([A-Za-z][A-Za-z0-9]*)");
    private static final Resource ORG_ROLE = ResourceFactory.createResource("http://www.w3.org/ns/org#Role");

    private final Model vocabulary = ModelFiles.vocabulary();

    @Test
    void theOntologyDocumentHasVersionLicenceAndCitations() {
        Resource ontology = vocabulary.getResource(ModelFiles.ONTOLOGY_IRI);

        assertThat(vocabulary.contains(ontology, RDF.type, OWL.Ontology)).isTrue();
        assertThat(ontology.getPropertyResourceValue(OWL2.VERSION_IRI).getURI())
                .isEqualTo("https://w3id.org/copgraph/ontology/1.0.0");
        assertThat(ontology.getProperty(OWL.versionInfo).getString()).isEqualTo("1.0.0");
        assertThat(ontology.getPropertyResourceValue(DCTerms.license).getURI())
                .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(ontology.hasProperty(DCTerms.title)).isTrue();
        assertThat(ontology.hasProperty(DCTerms.description)).isTrue();
        assertThat(ontology.hasProperty(DCTerms.created)).isTrue();
        assertThat(ontology.hasProperty(DCTerms.creator)).isTrue();
        String citations = String.join(" | ", ontology.listProperties(DCTerms.bibliographicCitation)
                .mapWith(Statement::getString).toList());
        assertThat(citations).contains("hal-00191047", "IEEE Intelligent Systems 18(2)", "Learning to make a difference");
    }

    @Test
    void everyTermHasAnEnglishLabelAndComment() {
        Set<Resource> terms = copSubjects(vocabulary);
        assertThat(terms).hasSizeGreaterThan(40);
        for (Resource term : terms) {
            assertThat(hasEnglish(term, RDFS.label)).as("English rdfs:label of %s", term).isTrue();
            assertThat(hasEnglish(term, RDFS.comment)).as("English rdfs:comment of %s", term).isTrue();
            assertThat(term.getPropertyResourceValue(RDFS.isDefinedBy))
                    .as("rdfs:isDefinedBy of %s", term)
                    .isEqualTo(vocabulary.getResource(ModelFiles.ONTOLOGY_IRI));
        }
    }

    @Test
    void everyClassAndPropertyIsAlignedToAStandardVocabularyOrToAnotherTerm() {
        for (Resource term : copSubjects(vocabulary)) {
            boolean isClassOrProperty = term.hasProperty(RDF.type, OWL.Class)
                    || term.hasProperty(RDF.type, OWL.ObjectProperty)
                    || term.hasProperty(RDF.type, OWL.DatatypeProperty);
            if (!isClassOrProperty) {
                continue;
            }
            boolean aligned = term.hasProperty(RDFS.subClassOf) || term.hasProperty(RDFS.subPropertyOf)
                    || term.hasProperty(SKOS.closeMatch) || term.hasProperty(OWL.equivalentClass)
                    || term.hasProperty(OWL.inverseOf) || term.hasProperty(RDFS.domain) || term.hasProperty(RDFS.range);
            assertThat(aligned).as("alignment, domain or range of %s", term).isTrue();
        }
    }

    @Test
    void everyCopTermUsedInDataShapesOrContextIsDeclared() throws IOException {
        Set<String> declared = new TreeSet<>();
        copSubjects(vocabulary).forEach(r -> declared.add(r.getLocalName()));
        Set<String> used = new TreeSet<>();
        List<Path> files = new ArrayList<>(ModelFiles.dataFiles());
        files.add(ModelFiles.SHAPES);
        for (Path file : files) {
            Matcher m = COP_TERM.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(declared).containsAll(used);
    }

    @Test
    void theJsonLdContextHasATermForEveryCopTerm() throws IOException {
        JsonNode context = new ObjectMapper().readTree(ModelFiles.CONTEXT.toFile()).get("@context");
        assertThat(context.get("@version").asDouble()).isEqualTo(1.1);
        for (Resource term : copSubjects(vocabulary)) {
            JsonNode entry = context.get(term.getLocalName());
            assertThat(entry).as("context term for %s", term).isNotNull();
            String iri = entry.isTextual() ? entry.asText() : entry.get("@id").asText();
            assertThat(iri).isEqualTo("cop:" + term.getLocalName());
        }
    }

    @Test
    void theJsonLdContextTurnsShortTermsIntoIrisAndTypedDates() throws IOException {
        String context = Files.readString(ModelFiles.CONTEXT);
        String inner = context.substring(context.indexOf('{', 1), context.lastIndexOf('}'));
        String document = """
                { "@context": %s,
                  "@id": "id:cop/example", "@type": ["CommunityOfPractice", "Organization", "Group"],
                  "label": {"en": "Example CoP"},
                  "domain": "id:domain/permaculture",
                  "hostedBy": "id:project/example" ,
                  "startDate": "2020-12-02" }
                """.formatted(inner);
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(document)).lang(Lang.JSONLD).parse(model);

        Resource cop = model.getResource(ModelFiles.ID + "cop/example");
        assertThat(cop.hasProperty(RDF.type, model.getResource(ModelFiles.COP + "CommunityOfPractice"))).isTrue();
        assertThat(cop.getPropertyResourceValue(model.getProperty(ModelFiles.COP + "domain")).getURI())
                .isEqualTo(ModelFiles.ID + "domain/permaculture");
        Statement start = cop.getProperty(model.getProperty("http://schema.org/startDate"));
        assertThat(start.getLiteral().getDatatypeURI()).isEqualTo("http://www.w3.org/2001/XMLSchema#date");
        assertThat(cop.getProperty(RDFS.label).getLanguage()).isEqualTo("en");
    }

    @Test
    void theSkosSchemesHaveTheRequiredConcepts() {
        assertSchemeHas("domains", "domain/",
                "socio-ecological-transition", "permaculture", "transition-movement", "ecovillages",
                "community-led-climate-action", "urban-sustainability-and-justice", "transformative-adult-learning",
                "blended-transformative-learning", "municipal-transition", "period-poverty", "community-markets",
                "local-economy", "intentional-communities", "degrowth", "climate-resilience", "eu-funding", "clld",
                "smart-villages", "small-scale-producers", "knowledge-commons");
        assertSchemeHas("roles", "role/",
                "facilitator", "guest-speaker", "contact-person", "co-guardian", "member", "coordinator", "partner",
                "organiser", "founder", "president", "vice-president", "director-general",
                "community-engagement-officer", "blog-author");
        assertSchemeHasCop("practice-kinds", "MethodKind", "ToolKind", "ResourceKind", "StoryKind", "GuideKind", "DocumentKind");
        assertSchemeHasCop("cross-pollination-directions", "Unidirectional", "Mutual");
        assertSchemeHasCop("cross-pollination-strengths", "Weak", "Moderate", "Strong");
        assertSchemeHasCop("evidence-statuses", "Proposed", "Reported", "Observed", "Suggested");
        assertSchemeHasCop("value-creation-cycles", "ImmediateValue", "PotentialValue", "AppliedValue", "RealisedValue",
                "TransformativeValue", "StrategicValue", "EnablingValue");
        assertSchemeHasCop("cop-components", "DomainComponent", "CommunityComponent", "PracticeComponent");
    }

    @Test
    void permacultureTransitionAndEcovillagesAreNarrowerThanSocioEcologicalTransition() {
        Resource transition = vocabulary.getResource(ModelFiles.ID + "domain/socio-ecological-transition");
        for (String slug : List.of("permaculture", "transition-movement", "ecovillages")) {
            Resource concept = vocabulary.getResource(ModelFiles.ID + "domain/" + slug);
            assertThat(concept.hasProperty(SKOS.broader, transition)).as(slug).isTrue();
            assertThat(transition.hasProperty(SKOS.narrower, concept)).as(slug).isTrue();
            assertThat(concept.listProperties(SKOS.prefLabel).mapWith(Statement::getLanguage).toSet())
                    .contains("en", "it");
        }
    }

    @Test
    void everyRoleIsAlsoAnOrgRole() {
        Resource roles = vocabulary.getResource(ModelFiles.ID + "scheme/roles");
        vocabulary.listSubjectsWithProperty(SKOS.inScheme, roles).forEachRemaining(role ->
                assertThat(role.hasProperty(RDF.type, ORG_ROLE)).as("%s a org:Role", role).isTrue());
    }

    @Test
    void theStrengthScaleIsNumberedOneToThree() {
        assertThat(notation("Weak")).isEqualTo(1);
        assertThat(notation("Moderate")).isEqualTo(2);
        assertThat(notation("Strong")).isEqualTo(3);
    }

    private int notation(String local) {
        return vocabulary.getResource(ModelFiles.COP + local).getProperty(SKOS.notation).getInt();
    }

    private void assertSchemeHas(String scheme, String kind, String... slugs) {
        Resource schemeResource = vocabulary.getResource(ModelFiles.ID + "scheme/" + scheme);
        assertThat(vocabulary.contains(schemeResource, RDF.type, SKOS.ConceptScheme)).as(scheme).isTrue();
        for (String slug : slugs) {
            Resource concept = vocabulary.getResource(ModelFiles.ID + kind + slug);
            assertThat(vocabulary.contains(concept, SKOS.inScheme, schemeResource)).as("%s in %s", concept, scheme).isTrue();
            assertThat(vocabulary.contains(concept, RDF.type, SKOS.Concept)).as("%s a skos:Concept", concept).isTrue();
        }
    }

    private void assertSchemeHasCop(String scheme, String... locals) {
        Resource schemeResource = vocabulary.getResource(ModelFiles.ID + "scheme/" + scheme);
        for (String local : locals) {
            Resource concept = vocabulary.getResource(ModelFiles.COP + local);
            assertThat(vocabulary.contains(concept, SKOS.inScheme, schemeResource)).as("cop:%s in %s", local, scheme).isTrue();
        }
    }

    private static boolean hasEnglish(Resource term, Property property) {
        return term.listProperties(property).toList().stream()
                .map(Statement::getObject)
                .filter(RDFNode::isLiteral)
                .map(RDFNode::asLiteral)
                .anyMatch(l -> l.getLanguage().equals("en") && !l.getString().isBlank());
    }

    static Set<Resource> copSubjects(Model model) {
        Set<Resource> terms = new LinkedHashSet<>();
        model.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && s.getURI().startsWith(ModelFiles.COP)) {
                terms.add(s);
            }
        });
        return terms;
    }

    /** OWL 2 terms Jena's OWL vocabulary class lacks. */
    private static final class OWL2 {
        static final Property VERSION_IRI =
                ResourceFactory.createProperty("http://www.w3.org/2002/07/owl#versionIRI");
    }
}
