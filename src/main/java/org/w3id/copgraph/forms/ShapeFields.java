package org.w3id.copgraph.forms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shacl.vocabulary.SHACLM;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.model.Cop;

/**
 * Reads form fields out of a shapes graph: the property shapes, with an sh:group, of the node
 * shapes that target a class or one of its superclasses. Nothing about any one class is written
 * here, so a change to the shapes is a change to the forms.
 */
final class ShapeFields {

    static final String DASH = "http://datashapes.org/dash#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String XSD = XSDDatatype.XSD + "#";
    private static final Set<String> DATES = Set.of(XSD + "date", XSD + "gYear", XSD + "gYearMonth", XSD + "dateTime");
    private static final Set<String> NUMBERS = Set.of(XSD + "integer", XSD + "nonNegativeInteger", XSD + "decimal",
            XSD + "positiveInteger", XSD + "double");

    private final Model shapes;

    ShapeFields(Graph shapesGraph) {
        this.shapes = ModelFactory.createModelForGraph(shapesGraph);
    }

    /**
     * The fields for instances of {@code classes} (a class and its superclasses), in group order
     * then field order; {@code propertyLabel} names a property that has no sh:name.
     */
    List<FieldSpec> fields(Set<String> classes, Function<String, String> propertyLabel) {
        Map<String, List<Resource>> byPath = new LinkedHashMap<>();
        for (Statement t : shapes.listStatements(null, SHACLM.targetClass, (RDFNode) null).toList()) {
            if (!t.getObject().isURIResource() || !classes.contains(t.getObject().asResource().getURI())) {
                continue;
            }
            for (Statement p : t.getSubject().listProperties(SHACLM.property).toList()) {
                if (p.getObject().isResource()) {
                    Resource ps = p.getObject().asResource();
                    String key = pathKey(ps);
                    if (key != null) {
                        byPath.computeIfAbsent(key, k -> new ArrayList<>()).add(ps);
                    }
                }
            }
        }
        List<FieldSpec> fields = new ArrayList<>();
        byPath.forEach((key, pss) -> pss.stream().filter(ps -> ps.hasProperty(SHACLM.group)).findFirst()
                .ifPresent(primary -> fields.add(field(key, primary, pss, propertyLabel))));
        fields.sort(Comparator.comparingDouble(FieldSpec::groupOrder).thenComparing(FieldSpec::groupIri)
                .thenComparingDouble(FieldSpec::order).thenComparing(FieldSpec::key));
        return fields;
    }

    private FieldSpec field(String key, Resource ps, List<Resource> all, Function<String, String> propertyLabel) {
        Resource pathNode = ps.getPropertyResourceValue(SHACLM.path);
        boolean inverse = !pathNode.isURIResource();
        String predicate = inverse ? pathNode.getPropertyResourceValue(SHACLM.inversePath).getURI() : pathNode.getURI();
        Resource group = ps.getPropertyResourceValue(SHACLM.group);

        List<Resource> alternatives = new ArrayList<>();
        alternatives.add(ps);
        Resource or = ps.getPropertyResourceValue(SHACLM.or);
        if (or != null && or.canAs(RDFList.class)) {
            or.as(RDFList.class).iterator().forEachRemaining(n -> {
                if (n.isResource()) {
                    alternatives.add(n.asResource());
                }
            });
        }
        Set<String> datatypes = new LinkedHashSet<>();
        List<String> classes = new ArrayList<>();
        List<String> schemes = new ArrayList<>();
        for (Resource alt : alternatives) {
            uri(alt, SHACLM.datatype, datatypes::add);
            uri(alt, SHACLM.class_, classes::add);
            Resource node = alt.getPropertyResourceValue(SHACLM.node);
            if (node != null) {
                schemes.addAll(schemesOf(node));
            }
        }
        List<Node> in = new ArrayList<>();
        Resource inList = ps.getPropertyResourceValue(SHACLM.in);
        if (inList != null && inList.canAs(RDFList.class)) {
            inList.as(RDFList.class).iterator().forEachRemaining(n -> in.add(n.asNode()));
        }
        int minCount = 0;
        int maxCount = Integer.MAX_VALUE;
        for (Resource s : all) {
            minCount = Math.max(minCount, integer(s, SHACLM.minCount, 0));
            maxCount = Math.min(maxCount, integer(s, SHACLM.maxCount, Integer.MAX_VALUE));
        }
        Resource nodeKind = ps.getPropertyResourceValue(SHACLM.nodeKind);
        boolean singleLine = !"false".equals(text(ps, shapes.createProperty(DASH + "singleLine")));
        InputKind kind = kind(datatypes, in, classes, schemes, nodeKind, singleLine);
        boolean languageTagged = datatypes.contains(RDF.langString.getURI());
        String label = text(ps, SHACLM.name);
        Integer maxLength = ps.hasProperty(SHACLM.maxLength) ? integer(ps, SHACLM.maxLength, 0) : null;
        return new FieldSpec(key, predicate, inverse,
                label != null ? label : propertyLabel.apply(predicate),
                text(ps, SHACLM.description),
                group.getURI() == null ? group.getId().toString() : group.getURI(),
                text(group, org.apache.jena.vocabulary.RDFS.label),
                decimal(group, SHACLM.order), decimal(ps, SHACLM.order),
                minCount, maxCount, kind, languageTagged, datatypes, maxLength, text(ps, SHACLM.pattern), in,
                classes, schemes, text(ps, SHACLM.message));
    }

    private static InputKind kind(Set<String> datatypes, List<Node> in, List<String> classes, List<String> schemes,
                                  Resource nodeKind, boolean singleLine) {
        if (!in.isEmpty()) {
            return InputKind.SELECT;
        }
        if (!datatypes.isEmpty()) {
            if (datatypes.stream().allMatch(DATES::contains)) {
                return InputKind.DATE;
            }
            if (datatypes.stream().allMatch(NUMBERS::contains)) {
                return InputKind.NUMBER;
            }
            if (datatypes.equals(Set.of(XSD + "boolean"))) {
                return InputKind.BOOLEAN;
            }
            return singleLine ? InputKind.TEXT : InputKind.LONG_TEXT;
        }
        if (!classes.isEmpty()) {
            boolean allConcepts = classes.stream().allMatch((SKOS + "Concept")::equals);
            return allConcepts && !schemes.isEmpty() ? InputKind.CONCEPT : InputKind.RESOURCE;
        }
        if (nodeKind != null && SHACLM.IRI.equals(nodeKind)) {
            return InputKind.URL;
        }
        return singleLine ? InputKind.TEXT : InputKind.LONG_TEXT;
    }

    /** The schemes a node shape requires of its focus: {@code sh:path skos:inScheme ; sh:hasValue S}. */
    private List<String> schemesOf(Resource nodeShape) {
        List<String> schemes = new ArrayList<>();
        for (Statement p : nodeShape.listProperties(SHACLM.property).toList()) {
            Resource ps = p.getObject().asResource();
            Resource path = ps.getPropertyResourceValue(SHACLM.path);
            Statement value = ps.getProperty(SHACLM.hasValue);
            if (path != null && (SKOS + "inScheme").equals(path.getURI()) && value != null && value.getObject().isURIResource()) {
                schemes.add(value.getObject().asResource().getURI());
            }
        }
        return schemes;
    }

    /**
     * The field name for a property shape's path: prefix and local name ({@code rdfs-label}), with
     * {@code -of} for an inverse path; null for paths a form cannot fill (rdf:type, sequences).
     */
    private static String pathKey(Resource ps) {
        Resource path = ps.getPropertyResourceValue(SHACLM.path);
        if (path == null) {
            return null;
        }
        if (path.isURIResource()) {
            return RDF.type.equals(path) ? null : curie(path.getURI());
        }
        Resource inverse = path.getPropertyResourceValue(SHACLM.inversePath);
        return inverse != null && inverse.isURIResource() ? curie(inverse.getURI()) + "-of" : null;
    }

    static String curie(String iri) {
        for (Map.Entry<String, String> p : Cop.PREFIXES.entrySet()) {
            if (iri.startsWith(p.getValue()) && iri.length() > p.getValue().length()) {
                return p.getKey() + "-" + iri.substring(p.getValue().length()).replaceAll("[^A-Za-z0-9_-]", "_");
            }
        }
        return "p" + Integer.toHexString(iri.hashCode());
    }

    private static void uri(Resource r, org.apache.jena.rdf.model.Property p, java.util.function.Consumer<String> to) {
        for (Statement s : r.listProperties(p).toList()) {
            if (s.getObject().isURIResource()) {
                to.accept(s.getObject().asResource().getURI());
            }
        }
    }

    /** An English (else untagged, else any) literal of {@code p}. */
    private static String text(Resource r, org.apache.jena.rdf.model.Property p) {
        String any = null;
        for (Statement s : r.listProperties(p).toList()) {
            if (s.getObject().isLiteral()) {
                Literal l = s.getLiteral();
                if (l.getLanguage().equals("en") || l.getLanguage().isEmpty()) {
                    return l.getLexicalForm();
                }
                any = l.getLexicalForm();
            }
        }
        return any;
    }

    private static int integer(Resource r, org.apache.jena.rdf.model.Property p, int otherwise) {
        Statement s = r.getProperty(p);
        try {
            return s != null && s.getObject().isLiteral() ? s.getInt() : otherwise;
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    private static double decimal(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        try {
            return s != null && s.getObject().isLiteral() ? s.getDouble() : Double.MAX_VALUE;
        } catch (RuntimeException e) {
            return Double.MAX_VALUE;
        }
    }
}
