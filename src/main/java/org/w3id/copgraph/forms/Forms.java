package org.w3id.copgraph.forms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.proposals.ProposalInput;
import org.w3id.copgraph.store.Shacl;
import org.w3id.copgraph.store.Store;

/**
 * Proposal forms generated from the SHACL shapes ({@link ShapeFields}): {@link #form} computes a
 * form (empty, or filled with the current data for a change), {@link #read} turns the posted
 * fields into the statements to propose, checked field by field and then against the shapes
 * themselves, whose messages come back next to the fields ({@link InvalidForm}).
 */
public final class Forms {

    /** The field people leave empty and spam robots fill in. */
    public static final String HONEYPOT = "website";
    /** The proposer's own fields: not data about the resource. */
    public static final String PROPOSER_NAME = "proposerName";
    public static final String PROPOSER_CONTACT = "proposerContact";
    public static final String NOTE = "note";
    /** The hidden fields that say which form was posted and what a change is about. */
    public static final String FORM = "form";
    public static final String TARGET = "target";
    /** Where a form posts: the proposals intake, which reads the fields with {@link #read}. */
    public static final String ACTION = "/api/proposals";
    /** A language-tagged field's languages come in a field of their own, value by value. */
    public static final String LANG_SUFFIX = ".lang";

    private final Store store;
    private final Iris iris;
    private final ShapeFields shapeFields;
    private final Shacl shacl;
    private final java.util.function.Predicate<String> reserved;

    public Forms(Store store, Iris iris, Graph shapes) {
        this(store, iris, new ShapeFields(shapes), new Shacl(shapes), iri -> false);
    }

    private Forms(Store store, Iris iris, ShapeFields shapeFields, Shacl shacl, java.util.function.Predicate<String> reserved) {
        this.store = store;
        this.iris = iris;
        this.shapeFields = shapeFields;
        this.shacl = shacl;
        this.reserved = reserved;
    }

    /** These forms, minting no IRI that {@code reserved} holds (those pending proposals would publish). */
    public Forms reserving(java.util.function.Predicate<String> reserved) {
        return new Forms(store, iris, shapeFields, shacl, reserved);
    }

    public static Forms fromFile(Store store, Iris iris, Path shapesFile) {
        return new Forms(store, iris, Shacl.loadShapes(shapesFile, iris));
    }

    /** The forms there are, in the order /propose lists them. */
    public List<FormKind> kinds() {
        return Arrays.asList(FormKind.values());
    }

    /** The form {@code formName}: empty, or for a change to {@code targetIri} (nullable) filled with its current data. */
    public FormView form(String formName, String targetIri) {
        FormKind kind = kind(formName);
        return store.readUnion(g -> {
            DataView data = new DataView(g);
            String target = target(kind, targetIri, data);
            List<FieldSpec> specs = specs(kind, data);
            Map<String, List<FormView.Value>> values = new LinkedHashMap<>();
            if (target != null) {
                for (FieldSpec f : specs) {
                    values.put(f.key(), data.values(target, f));
                }
            }
            return view(kind, target, specs, data, values, Map.of(), Map.of(), List.of());
        });
    }

    /**
     * The statements a form's fields propose: for something new, a fresh IRI
     * {@code {base}id/{kind}/{slug}} with its types and values; for a change, the new description
     * of the form's properties of {@code targetIri}. Throws {@link InvalidForm} (422) with the
     * shapes' messages next to the fields when a value breaks them.
     */
    public ProposalInput read(String formName, Map<String, List<String>> fields, String targetIri) {
        FormKind kind = kind(formName);
        if (!first(fields, HONEYPOT).isBlank()) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "honeypot",
                    "The field 'leave empty' must be left empty: it is there to catch automated spam.");
        }
        return store.readUnion(g -> {
            DataView data = new DataView(g);
            String target = target(kind, targetIri, data);
            List<FieldSpec> specs = specs(kind, data);
            Map<String, List<String>> errors = new LinkedHashMap<>();
            Map<String, List<Node>> parsed = new LinkedHashMap<>();
            for (FieldSpec f : specs) {
                parsed.put(f.key(), new FieldReader(f, data.options(f)).read(fields, errors));
            }
            Map<String, String> about = about(fields, errors);
            String label = specs.stream().filter(f -> f.kind() == InputKind.TEXT)
                    .flatMap(f -> parsed.get(f.key()).stream()).filter(Node::isLiteral)
                    .map(Node::getLiteralLexicalForm).findFirst().orElse("");
            Node subject = NodeFactory.createURI(target != null ? target
                    : iris.mint(kind.iriKind, label, iri -> data.isUsed(iri) || reserved.test(iri)));
            Graph description = GraphFactory.createDefaultGraph();
            if (target == null) {
                for (String type : data.superclasses(kind.classIri)) {
                    description.add(Triple.create(subject, RDF.type.asNode(), NodeFactory.createURI(type)));
                }
            }
            for (FieldSpec f : specs) {
                Node p = NodeFactory.createURI(f.predicate());
                for (Node v : parsed.get(f.key())) {
                    description.add(f.inverse() ? Triple.create(v, p, subject) : Triple.create(subject, p, v));
                }
            }
            QualifiedInfluence.addShortcuts(description, subject);
            if (target != null) {
                data.keepOthersValues(description, subject);
            }
            List<String> formErrors = new ArrayList<>();
            if (errors.isEmpty()) {
                checkShapes(subject, target != null, specs, description, data, errors, formErrors);
            }
            if (!errors.isEmpty() || !formErrors.isEmpty()) {
                throw new InvalidForm(view(kind, target, specs, data, typed(specs, fields), errors, aboutValues(about), formErrors));
            }
            return new ProposalInput(target == null ? "new" : "change", subject.getURI(), description,
                    about.get(PROPOSER_NAME), blankToNull(about.get(PROPOSER_CONTACT)), blankToNull(about.get(NOTE)));
        });
    }

    /**
     * Runs the shapes on the description as the published data would hold it: the proposed
     * values, the target's other statements (for a change), and the types and schemes of every
     * resource it points to with the class hierarchy (so sh:class and sh:node can be checked).
     * Results on a field's path go next to the field; the rest above the form.
     */
    private void checkShapes(Node subject, boolean change, List<FieldSpec> specs, Graph description, DataView data,
                             Map<String, List<String>> errors, List<String> formErrors) {
        Graph check = GraphFactory.createDefaultGraph();
        description.find().forEach(check::add);
        if (change) {
            Set<String> covered = specs.stream().filter(f -> !f.inverse()).map(FieldSpec::predicate).collect(Collectors.toSet());
            data.graph().find(subject, Node.ANY, Node.ANY)
                    .filterDrop(t -> covered.contains(t.getPredicate().getURI()))
                    .forEach(check::add);
        }
        data.copyContext(check);
        Shacl.Report report = shacl.check(check, List.of(subject));
        for (Shacl.Violation v : report.violations()) {
            if (!v.severity().equals("Violation")) {
                continue;
            }
            FieldSpec field = v.focus().equals(subject.getURI()) ? specs.stream()
                    .filter(f -> v.path().equals((f.inverse() ? "^<" : "<") + f.predicate() + ">"))
                    .findFirst().orElse(null) : null;
            if (field != null) {
                List<String> messages = errors.computeIfAbsent(field.key(), k -> new ArrayList<>());
                if (!messages.contains(v.message())) {
                    messages.add(v.message());
                }
            } else if (!formErrors.contains(v.message())) {
                formErrors.add(v.message());
            }
        }
    }

    private FormKind kind(String formName) {
        return FormKind.named(formName).orElseThrow(() -> Problem.notFound("unknown-form", "There is no form called '"
                + formName + "'. The forms are: " + Arrays.stream(FormKind.values()).map(k -> k.formName)
                .collect(Collectors.joining(", ")) + " (see /propose)."));
    }

    /** The resource a change is about: it must exist and be of the form's class. */
    private String target(FormKind kind, String targetIri, DataView data) {
        if (targetIri == null || targetIri.isBlank()) {
            return null;
        }
        String iri = targetIri.strip();
        if (iri.startsWith("/")) {
            iri = iris.forPath(iri);
        }
        if (!data.isInstance(iri, kind.classIri)) {
            throw Problem.notFound("unknown-target", "There is no " + kind.what.replaceFirst("^an? ", "")
                    + " with the IRI " + iri + " to change. Propose something new at /propose/" + kind.formName + ".");
        }
        return iri;
    }

    private List<FieldSpec> specs(FormKind kind, DataView data) {
        return shapeFields.fields(data.superclasses(kind.classIri), data::label);
    }

    private FormView view(FormKind kind, String target, List<FieldSpec> specs, DataView data,
                          Map<String, List<FormView.Value>> values, Map<String, List<String>> errors,
                          Map<String, List<FormView.Value>> about, List<String> formErrors) {
        List<FormView.Group> groups = new ArrayList<>();
        List<FormView.ErrorLink> links = new ArrayList<>();
        for (String message : formErrors) {
            links.add(new FormView.ErrorLink(null, "The proposal", message));
        }
        FormView.Group current = null;
        List<FormView.Field> fields = null;
        for (FieldSpec f : specs) {
            if (current == null || !current.id().equals(groupId(f))) {
                fields = new ArrayList<>();
                current = new FormView.Group(groupId(f), f.groupLabel() == null ? "" : f.groupLabel(), fields);
                groups.add(current);
            }
            List<FormView.Value> vs = values.getOrDefault(f.key(), List.of());
            Set<String> chosen = vs.stream().map(FormView.Value::text).collect(Collectors.toSet());
            List<FormView.Option> options = data.options(f).stream()
                    .map(o -> new FormView.Option(o.value(), o.label(), chosen.contains(o.value()))).toList();
            FormView.Field field = new FormView.Field(f.key(), f.label(), f.help(), f.kind(), f.languageTagged(),
                    f.required(), f.repeatable(), f.maxLength(), f.pattern(), f.message(), options, vs,
                    errors.getOrDefault(f.key(), List.of()));
            fields.add(field);
            field.errors().forEach(m -> links.add(new FormView.ErrorLink(field.firstInputId(), f.label(), m)));
        }
        List<FormView.Field> aboutFields = new ArrayList<>();
        aboutFields.add(aboutField(PROPOSER_NAME, "Your name", "The change log credits you by this name when the proposal is published.",
                InputKind.TEXT, true, 200, about, errors));
        aboutFields.add(aboutField(PROPOSER_CONTACT, "How to reach you (optional)",
                "An e-mail address or phone number, in case a curator has a question. It is never published.",
                InputKind.TEXT, false, 200, about, errors));
        aboutFields.add(aboutField(NOTE, "A note for the curators (optional)", "Where the information comes from, or anything else a reviewer should know.",
                InputKind.LONG_TEXT, false, 2000, about, errors));
        aboutFields.forEach(f -> f.errors().forEach(m -> links.add(new FormView.ErrorLink(f.firstInputId(), f.label(), m))));
        String title = target == null ? "Propose " + kind.what
                : "Propose a change to " + data.label(target);
        String intro = kind.sentence + " Anyone may propose; a curator reviews every proposal before it is published.";
        return new FormView(kind.formName, title, intro, ACTION, target,
                target == null ? null : iris.pathOf(target), groups,
                new FormView.Group("about-you", "About you", aboutFields), links, HONEYPOT, Languages.options());
    }

    private static String groupId(FieldSpec f) {
        String local = f.groupIri().replaceAll(".*[#/]", "");
        return "g-" + local.replaceAll("[^A-Za-z0-9_-]", "");
    }

    private static FormView.Field aboutField(String key, String label, String help, InputKind kind, boolean required,
                                             int maxLength, Map<String, List<FormView.Value>> about,
                                             Map<String, List<String>> errors) {
        return new FormView.Field(key, label, help, kind, false, required, false, maxLength, null, null, List.of(),
                about.getOrDefault(key, List.of()), errors.getOrDefault(key, List.of()));
    }

    /** The proposer's fields, checked: a name is needed (the change log credits it), all are short. */
    private static Map<String, String> about(Map<String, List<String>> fields, Map<String, List<String>> errors) {
        Map<String, String> about = new LinkedHashMap<>();
        about.put(PROPOSER_NAME, first(fields, PROPOSER_NAME).strip());
        about.put(PROPOSER_CONTACT, first(fields, PROPOSER_CONTACT).strip());
        about.put(NOTE, first(fields, NOTE).strip());
        if (about.get(PROPOSER_NAME).isEmpty()) {
            errors.computeIfAbsent(PROPOSER_NAME, k -> new ArrayList<>())
                    .add("Required. Say who proposes this: the change log credits the proposer by name.");
        }
        limit(about, PROPOSER_NAME, 200, errors);
        limit(about, PROPOSER_CONTACT, 200, errors);
        limit(about, NOTE, 2000, errors);
        return about;
    }

    private static void limit(Map<String, String> about, String key, int max, Map<String, List<String>> errors) {
        if (about.get(key).length() > max) {
            errors.computeIfAbsent(key, k -> new ArrayList<>()).add("At most " + max + " characters, please.");
        }
    }

    private static Map<String, List<FormView.Value>> aboutValues(Map<String, String> about) {
        Map<String, List<FormView.Value>> values = new LinkedHashMap<>();
        about.forEach((k, v) -> values.put(k, v.isEmpty() ? List.of() : List.of(new FormView.Value(v, ""))));
        return values;
    }

    /** The values as they were typed, to show the form again. */
    private static Map<String, List<FormView.Value>> typed(List<FieldSpec> specs, Map<String, List<String>> fields) {
        Map<String, List<FormView.Value>> values = new LinkedHashMap<>();
        for (FieldSpec f : specs) {
            List<String> texts = fields.getOrDefault(f.key(), List.of());
            List<String> langs = fields.getOrDefault(f.key() + LANG_SUFFIX, List.of());
            List<FormView.Value> vs = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (!texts.get(i).isBlank()) {
                    vs.add(new FormView.Value(texts.get(i), i < langs.size() ? langs.get(i) : ""));
                }
            }
            values.put(f.key(), vs);
        }
        return values;
    }

    static String first(Map<String, List<String>> fields, String key) {
        List<String> v = fields.get(key);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** For tests and callers that list what they read. */
    static Set<String> keys(List<FieldSpec> specs) {
        return specs.stream().map(FieldSpec::key).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
