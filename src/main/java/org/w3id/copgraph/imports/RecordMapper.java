package org.w3id.copgraph.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

/**
 * The one import engine: a mapping applied to a parsed JSON document gives the statements of
 * one source graph. It reads nothing but the document and the mapping's side files (no URL is
 * ever fetched). A record's IRI is kept from earlier imports by its key ({@code dcterms:identifier}
 * in the source graph), so an edited record stays the same resource; a new one gets a slug of its
 * own (never one the store already uses for something else).
 */
final class RecordMapper {

    static final int PROGRESS_EVERY = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mapping mapping;
    private final Iris iris;
    private final Map<String, String> earlier;
    private final Predicate<String> taken;
    private final Function<String, byte[]> sideFiles;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Map<String, Node>> conceptsByScheme = new LinkedHashMap<>();
    private final Graph out = GraphFactory.createDefaultGraph();

    /** What mapping a document gave: its statements, how many records, and what was left out and why. */
    record Result(Graph data, int records, List<String> warnings) {
    }

    RecordMapper(Mapping mapping, Iris iris, Map<String, String> earlier, Predicate<String> taken,
                 Function<String, byte[]> sideFiles) {
        this.mapping = mapping;
        this.iris = iris;
        this.earlier = earlier;
        this.taken = taken;
        this.sideFiles = sideFiles;
    }

    Result map(JsonNode document, IntConsumer progress) {
        List<JsonNode> records = records(document);
        for (Mapping.Scheme s : mapping.schemes().values()) {
            scheme(s);
        }
        Mapping.Entity e = mapping.record();
        // First every record's IRI, so that links between records (a parent community) resolve in any order.
        Map<String, String> byKey = new LinkedHashMap<>();
        List<String> iriOf = new ArrayList<>();
        Set<String> minted = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String slugText = first(r, e.slug());
            String key = e.key().isEmpty() ? (slugText == null ? null : Iris.slug(slugText)) : first(r, e.key());
            if (slugText == null || key == null) {
                warnings.add("Record " + (i + 1) + " has no " + (slugText == null ? String.join(" or ", e.slug())
                        : String.join(" or ", e.key())) + ": left out.");
                iriOf.add(null);
                continue;
            }
            if (byKey.containsKey(key)) {
                warnings.add("Record " + (i + 1) + " repeats the key '" + key + "': left out.");
                iriOf.add(null);
                continue;
            }
            String iri = earlier.get(key);
            if (e.keyIsIri() && iris.isResource(key) && IRIs.check(key) && !minted.contains(key)) {
                iri = key;
            } else if (iri == null || minted.contains(iri)) {
                String slug = Iris.slug(slugText);
                iri = expand(e.iri(), Map.of("slug", slug, "key", key));
                for (int n = 2; minted.contains(iri) || earlier.containsValue(iri) || taken.test(iri); n++) {
                    iri = expand(e.iri(), Map.of("slug", slug + "-" + n, "key", key));
                }
            }
            minted.add(iri);
            byKey.put(key, iri);
            iriOf.add(iri);
        }
        int done = 0;
        for (int i = 0; i < records.size(); i++) {
            if (iriOf.get(i) != null) {
                record(records.get(i), NodeFactory.createURI(iriOf.get(i)), byKey);
                done++;
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept(i + 1);
            }
        }
        if (mapping.links() != null) {
            links(document, byKey);
        }
        return new Result(out, done, List.copyOf(warnings));
    }

    private List<JsonNode> records(JsonNode document) {
        if (mapping.input() == Mapping.Input.GEOJSON && !"FeatureCollection".equals(document.path("type").asText())) {
            throw Problem.badRequest("not-geojson", "The mapping '" + mapping.name() + "' reads a GeoJSON FeatureCollection"
                    + " (\"type\": \"FeatureCollection\" with \"features\"); this document is not one.");
        }
        for (String path : mapping.records()) {
            JsonNode at = at(document, path);
            if (at.isArray()) {
                List<JsonNode> out = new ArrayList<>();
                at.forEach(out::add);
                return out;
            }
        }
        throw Problem.badRequest("no-records", "The mapping '" + mapping.name() + "' reads its records from "
                + String.join(" or ", mapping.records().stream().map(p -> p.isEmpty() ? "the document itself" : "'" + p + "'").toList())
                + ", which must be a JSON array; it is not.");
    }

    /** The statements between records that the mapping's {@code links} read from the document. */
    private void links(JsonNode document, Map<String, String> byKey) {
        Mapping.Links l = mapping.links();
        JsonNode items = at(document, l.records());
        if (!items.isArray()) {
            return;
        }
        int i = 0;
        for (JsonNode item : items) {
            i++;
            String from = first(item, List.of(l.from()));
            String to = first(item, List.of(l.to()));
            String a = from == null ? null : byKey.get(from);
            String b = to == null ? null : byKey.get(to);
            if (a == null || b == null) {
                warnings.add("Link " + i + " (" + from + " -> " + to + ") does not join two records: left out.");
                continue;
            }
            String type = l.type() == null ? null : first(item, List.of(l.type()));
            String property = type != null && l.map().containsKey(type) ? l.map().get(type) : l.property();
            if (property != null) {
                out.add(NodeFactory.createURI(a), term(property), NodeFactory.createURI(b));
            }
        }
    }

    private void record(JsonNode r, Node subject, Map<String, String> byKey) {
        Mapping.Entity e = mapping.record();
        for (String t : e.types()) {
            out.add(subject, RDF.type.asNode(), term(t));
        }
        String key = e.key().isEmpty() ? Iris.slug(first(r, e.slug())) : first(r, e.key());
        out.add(subject, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(key));
        for (Mapping.Field f : e.fields()) {
            field(r, subject, f, byKey);
        }
        String slug = subject.getURI().substring(subject.getURI().lastIndexOf('/') + 1);
        for (Mapping.Nested n : e.objects()) {
            // The object's skip values ("n/a") do not count as a value that makes it exist.
            List<String> skip = n.fields().stream().flatMap(f -> f.skip().stream()).toList();
            if (n.when().stream().noneMatch(p -> !values(r, p, skip).isEmpty())) {
                continue;
            }
            Node o = n.iri() == null ? NodeFactory.createBlankNode()
                    : NodeFactory.createURI(expand(n.iri(), Map.of("slug", slug, "key", key)));
            out.add(subject, term(n.property()), o);
            for (String t : n.types()) {
                out.add(o, RDF.type.asNode(), term(t));
            }
            for (Mapping.Field f : n.fields()) {
                field(r, o, f, byKey);
            }
        }
        if (e.rest() != null) {
            rest(r, subject, e);
        }
    }

    private void field(JsonNode r, Node subject, Mapping.Field f, Map<String, String> byKey) {
        List<Value> values = List.of();
        for (String p : f.path()) {
            values = values(r, p, f.skip());
            if (!values.isEmpty()) {
                break;
            }
        }
        Node property = term(f.property());
        for (Value v : values) {
            Node o = object(v, f, byKey, subject);
            if (o != null) {
                out.add(subject, property, o);
            }
        }
    }

    private Node object(Value v, Mapping.Field f, Map<String, String> byKey, Node subject) {
        String text = v.node().isValueNode() ? v.node().asText().strip() : v.node().toString();
        String where = " (" + label(subject) + ", " + f.path().get(0) + ")";
        if (f.concept() != null) {
            // With a concept, a map names the concept's id for other spellings of a value (older versions of a source).
            if (f.map() != null && f.map().containsKey(text)) {
                text = f.map().get(text);
                if (text == null) {
                    return null;
                }
            }
            Node c = conceptsByScheme.get(f.concept()).get(text);
            if (c == null) {
                warnings.add("'" + text + "' is not a concept of the scheme " + f.concept() + where + ": left out.");
            }
            return c;
        }
        if (f.link()) {
            String target = byKey.get(text);
            if (target == null) {
                warnings.add("No record has the key '" + text + "'" + where + ": the link is left out.");
                return null;
            }
            return NodeFactory.createURI(target);
        }
        if (f.map() != null) {
            if (!f.map().containsKey(text)) {
                warnings.add("The value '" + text + "' has no entry in the mapping's map" + where + ": left out.");
                return null;
            }
            String to = f.map().get(text);
            return to == null ? null : term(to);
        }
        if (f.iri()) {
            String iri = f.resolve() != null && !text.matches("(?i)^[a-z][a-z0-9+.-]*:.*") ? f.resolve() + text : text;
            if (!iri.matches("(?i)^https?://\\S+$") || !IRIs.check(iri)) {
                warnings.add("'" + text + "' is not an http(s) address" + where + ": left out.");
                return null;
            }
            return NodeFactory.createURI(iri);
        }
        if (f.datatype() != null) {
            return typed(v, text, f, where);
        }
        String lang = "*".equals(f.lang()) ? v.suffix() : f.lang();
        if (lang != null && !lang.isEmpty()) {
            if (!lang.matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")) {
                warnings.add("'" + lang + "' is not a language code" + where + ": the text is kept without one.");
                return NodeFactory.createLiteralString(text);
            }
            return NodeFactory.createLiteralLang(text, lang.toLowerCase(java.util.Locale.ROOT));
        }
        return plain(v.node(), text);
    }

    private Node typed(Value v, String text, Mapping.Field f, String where) {
        String dt = expandName(f.datatype());
        if (dt.equals(XSDDatatype.XSDdate.getURI()) && f.dateFormat() != null) {
            try {
                LocalDate d = LocalDate.parse(text, DateTimeFormatter.ofPattern(f.dateFormat()).withResolverStyle(ResolverStyle.STRICT));
                return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                warnings.add("'" + text + "' is not a date as " + f.dateFormat() + where + ": left out.");
                return null;
            }
        }
        String lexical = v.node().isNumber() ? v.node().decimalValue().toPlainString() : text;
        RDFDatatype type = TypeMapper.getInstance().getSafeTypeByName(dt);
        if (!type.isValid(lexical)) {
            warnings.add("'" + text + "' is not a valid " + f.datatype() + where + ": left out.");
            return null;
        }
        return NodeFactory.createLiteralDT(lexical, type);
    }

    /** A value with no datatype said: JSON's own type (true, 12, 1.5), text as a plain string. */
    private static Node plain(JsonNode n, String text) {
        if (n.isBoolean()) {
            return NodeFactory.createLiteralDT(text, XSDDatatype.XSDboolean);
        }
        if (n.isIntegralNumber()) {
            return NodeFactory.createLiteralDT(n.bigIntegerValue().toString(), XSDDatatype.XSDinteger);
        }
        if (n.isNumber()) {
            return NodeFactory.createLiteralDT(n.decimalValue().toPlainString(), XSDDatatype.XSDdecimal);
        }
        return NodeFactory.createLiteralString(text);
    }

    /** Keys no field takes, as {@code namespace + key} (percent-encoded where a key has characters an IRI cannot). */
    private void rest(JsonNode r, Node subject, Mapping.Entity e) {
        JsonNode from = at(r, e.rest().from());
        if (!from.isObject()) {
            return;
        }
        String prefix = e.rest().from().isEmpty() ? "" : e.rest().from() + ".";
        String ns = expand(e.rest().namespace(), Map.of());
        for (var it = from.fields(); it.hasNext(); ) {
            var entry = it.next();
            String path = prefix + entry.getKey();
            if (e.rest().ignore().contains(entry.getKey()) || taken(e, path)) {
                continue;
            }
            Node property = NodeFactory.createURI(ns + encode(entry.getKey()));
            for (Value v : values(r, path, List.of())) {
                out.add(subject, property, plain(v.node(), v.node().isValueNode() ? v.node().asText().strip() : v.node().toString()));
            }
        }
    }

    /** Whether a field of the record or of its objects reads {@code path} (or something under it). */
    private static boolean taken(Mapping.Entity e, String path) {
        List<Mapping.Field> all = new ArrayList<>(e.fields());
        e.objects().forEach(n -> all.addAll(n.fields()));
        List<String> paths = new ArrayList<>(e.key());
        paths.addAll(e.slug());
        all.forEach(f -> paths.addAll(f.path()));
        e.objects().forEach(n -> paths.addAll(n.when()));
        for (String p : paths) {
            if (p.equals(path) || p.startsWith(path + ".")) {
                return true;
            }
            if (p.endsWith("*") && path.startsWith(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String key) {
        StringBuilder b = new StringBuilder();
        for (byte c : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }

    // ---- schemes ----

    private void scheme(Mapping.Scheme s) {
        Node scheme = NodeFactory.createURI(expand(s.iri(), Map.of()));
        out.add(scheme, RDF.type.asNode(), SKOS.ConceptScheme.asNode());
        s.labels().forEach((lang, label) -> {
            out.add(scheme, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, lang));
            out.add(scheme, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(label, lang));
        });
        Map<String, Node> concepts = new LinkedHashMap<>();
        conceptsByScheme.put(s.name(), concepts);
        s.values().forEach((id, labels) -> {
            Node c = concept(s, scheme, id, concepts);
            labels.forEach((lang, label) -> prefLabel(c, label, lang));
        });
        s.files().forEach((lang, file) -> {
            JsonNode list;
            try {
                list = JSON.readTree(sideFiles.apply(file));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("mappings/" + file + " is not JSON: " + e.getMessage(), e);
            }
            for (JsonNode item : list) {
                String id = item.path(s.id()).asText("").strip();
                String label = item.path(s.prefLabel()).asText("").strip();
                if (id.isEmpty() || label.isEmpty()) {
                    continue;
                }
                Node c = concept(s, scheme, id, concepts);
                prefLabel(c, label, lang);
                if (s.definition() != null && !item.path(s.definition()).asText("").isBlank()) {
                    out.add(c, SKOS.definition.asNode(), NodeFactory.createLiteralLang(item.path(s.definition()).asText().strip(), lang));
                }
                if (s.altLabel() != null) {
                    for (JsonNode syn : item.path(s.altLabel())) {
                        if (!syn.asText("").isBlank()) {
                            out.add(c, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(syn.asText().strip(), lang));
                        }
                    }
                }
            }
        });
    }

    private Node concept(Mapping.Scheme s, Node scheme, String id, Map<String, Node> concepts) {
        return concepts.computeIfAbsent(id, k -> {
            String slug = k.matches("[A-Za-z0-9_-]+") ? k : Iris.slug(k);
            Node c = NodeFactory.createURI(expand(s.concept(), Map.of("id", slug)));
            out.add(c, RDF.type.asNode(), SKOS.Concept.asNode());
            out.add(c, SKOS.inScheme.asNode(), scheme);
            out.add(c, SKOS.topConceptOf.asNode(), scheme);
            out.add(scheme, SKOS.hasTopConcept.asNode(), c);
            out.add(c, SKOS.notation.asNode(), NodeFactory.createLiteralString(k));
            return c;
        });
    }

    /** One prefLabel per language (the shapes ask it); a second label in the same language becomes an altLabel. */
    private void prefLabel(Node c, String label, String lang) {
        Node l = NodeFactory.createLiteralLang(label, lang);
        boolean has = out.find(c, SKOS.prefLabel.asNode(), Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().getLiteralLanguage().equalsIgnoreCase(lang));
        out.add(c, has ? SKOS.altLabel.asNode() : SKOS.prefLabel.asNode(), l);
        out.add(c, RDFS.label.asNode(), l);
    }

    // ---- values and names ----

    /** A value found at a path; {@code suffix} is what a wildcard ("name:*") matched (e.g. "es"). */
    private record Value(JsonNode node, String suffix) {
    }

    /** The values at a dotted path (arrays flattened; null, "" and the {@code skip} values left out). */
    static List<Value> values(JsonNode r, String path, List<String> skip) {
        List<Value> out = new ArrayList<>();
        int dot = path.lastIndexOf('.');
        String last = dot < 0 ? path : path.substring(dot + 1);
        if (last.endsWith("*")) {
            JsonNode parent = dot < 0 ? r : at(r, path.substring(0, dot));
            String prefix = last.substring(0, last.length() - 1);
            parent.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
                    collect(e.getValue(), e.getKey().substring(prefix.length()), skip, out);
                }
            });
            return out;
        }
        // Through arrays on the way too: "relationships.object_url" reads every relationship's object_url.
        List<JsonNode> found = new ArrayList<>();
        walk(r, path.isEmpty() ? new String[0] : path.split("\\."), 0, found);
        found.forEach(n -> collect(n, null, skip, out));
        return out;
    }

    private static void walk(JsonNode n, String[] segs, int i, List<JsonNode> out) {
        if (i == segs.length) {
            out.add(n);
        } else if (n.isArray() && !segs[i].matches("\\d+")) {
            n.forEach(x -> walk(x, segs, i, out));
        } else {
            walk(n.isArray() ? n.path(Integer.parseInt(segs[i])) : n.path(segs[i]), segs, i + 1, out);
        }
    }

    private static void collect(JsonNode n, String suffix, List<String> skip, List<Value> out) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return;
        }
        if (n.isArray()) {
            n.forEach(x -> collect(x, suffix, skip, out));
            return;
        }
        if (n.isObject() && n.isEmpty()) {
            return;
        }
        if (n.isValueNode() && (n.asText().isBlank() || skip.stream().anyMatch(s -> s.equalsIgnoreCase(n.asText().strip())))) {
            return;
        }
        out.add(new Value(n, suffix));
    }

    private static JsonNode at(JsonNode r, String path) {
        JsonNode at = r;
        if (path.isEmpty()) {
            return at;
        }
        for (String seg : path.split("\\.")) {
            at = at.isArray() && seg.matches("\\d+") ? at.path(Integer.parseInt(seg)) : at.path(seg);
        }
        return at;
    }

    private static String first(JsonNode r, List<String> paths) {
        for (String p : paths) {
            List<Value> v = values(r, p, List.of());
            if (!v.isEmpty() && v.get(0).node().isValueNode()) {
                return v.get(0).node().asText().strip();
            }
        }
        return null;
    }

    private String label(Node subject) {
        return subject.isURI() ? subject.getURI().substring(subject.getURI().lastIndexOf('/') + 1) : "an object";
    }

    /** A template's {base}, {slug}, {key}, {id} filled in. */
    private String expand(String template, Map<String, String> vars) {
        String s = template.replace("{base}", iris.base());
        for (var e : vars.entrySet()) {
            s = s.replace("{" + e.getKey() + "}", e.getValue());
        }
        return s;
    }

    /** A term: a prefixed name (cop:Network), a template ({base}id/...) or a full IRI. */
    private Node term(String t) {
        return NodeFactory.createURI(expandName(t));
    }

    private String expandName(String t) {
        if (t.contains("{")) {
            return expand(t, Map.of());
        }
        int colon = t.indexOf(':');
        if (colon > 0 && !t.startsWith("http:") && !t.startsWith("https:") && !t.startsWith("urn:")) {
            String ns = mapping.prefixes().get(t.substring(0, colon));
            if (ns == null) {
                throw new IllegalStateException("The mapping mappings/" + mapping.name() + ".yaml uses the prefix '"
                        + t.substring(0, colon) + ":', which neither it ('prefixes') nor copgraph declares.");
            }
            return ns + t.substring(colon + 1);
        }
        return t;
    }

}
