package org.w3id.copgraph.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.w3id.copgraph.model.Cop;

/**
 * One mapping file ({@code mappings/NAME.yaml}, documented in docs/imports.md): how records of a
 * JSON or GeoJSON source become resources of one source graph. Parsed once; a file that says
 * something the engine cannot do fails with its name and what is wrong.
 */
public record Mapping(
        String name,
        String title,
        Input input,
        List<String> records,
        String graph,
        Links links,
        Source source,
        Map<String, String> prefixes,
        Map<String, Scheme> schemes,
        Entity record) {

    /** What the body is: a JSON document (records at a path) or a GeoJSON FeatureCollection (its features). */
    public enum Input { JSON, GEOJSON }

    /** The source graph's provenance, licence and attribution (written to graph/meta with the data). */
    public record Source(String title, String url, String license, String attribution, String attributionUrl,
                         String rightsHolder, String retrievedOn, String comment) {

        /** This source with the non-null values of {@code other} instead of its own. */
        public Source with(Source other) {
            if (other == null) {
                return this;
            }
            return new Source(or(other.title, title), or(other.url, url), or(other.license, license),
                    or(other.attribution, attribution), or(other.attributionUrl, attributionUrl),
                    or(other.rightsHolder, rightsHolder), or(other.retrievedOn, retrievedOn), or(other.comment, comment));
        }

        private static String or(String a, String b) {
            return a != null && !a.isBlank() ? a : b;
        }
    }

    /**
     * A SKOS scheme built from side files (one per language: a JSON array of {id, label,
     * description, synonyms}) or from inline {@code values} (id: {lang: label}).
     */
    public record Scheme(String name, String iri, String concept, Map<String, String> labels, Map<String, String> files,
                         String id, String prefLabel, String definition, String altLabel,
                         Map<String, Map<String, String>> values) {
    }

    /**
     * How one record (or an object hanging off it) becomes a resource. With {@code keyIsIri}, a
     * record whose key is already one of copgraph's resource IRIs ({base}id/...) keeps it as its
     * resource's IRI (a blueprint or profile exported by copgraph names its resources so).
     */
    public record Entity(List<String> key, String iri, List<String> slug, List<String> types, List<Field> fields,
                         List<Nested> objects, Rest rest, boolean keyIsIri) {
    }

    /**
     * Statements between records read from a second array of the document (a Kumu blueprint's
     * connections): each item ties the record whose key is at {@code from} to the one at
     * {@code to}, by the property {@code map} gives for the value at {@code type} (else
     * {@code property}); items whose ends are not records are left out with a warning.
     */
    public record Links(String records, String from, String to, String type, Map<String, String> map, String property) {
    }

    /** A resource made of some of a record's values, linked from the record's resource ({@code property}). */
    public record Nested(String property, String iri, List<String> types, List<String> when, List<Field> fields) {
    }

    /** Keys of the record no field takes, kept as plain properties under {@code namespace} (a key becomes namespace + key). */
    public record Rest(String from, String namespace, List<String> ignore) {
    }

    /**
     * One value path (or the first of several that has a value) to one property. At most one of
     * {@code concept} (a scheme's concept by id), {@code link} (another record by key), {@code map}
     * (value to IRI; a value mapped to null is dropped) or {@code iri} says what the value is;
     * otherwise a literal, with {@code lang} ("*" = the path's wildcard suffix, as in name:es) or
     * {@code datatype} (xsd:date with {@code dateFormat}, a java.time pattern such as d/M/uuuu).
     */
    public record Field(List<String> path, String property, String lang, String datatype, String dateFormat,
                        boolean iri, String resolve, boolean link, String concept, Map<String, String> map,
                        List<String> skip) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static Mapping parse(String name, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (Exception e) {
            throw invalid(name, "it is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(name, "it must be a YAML mapping with at least 'input', 'source' and 'record'.");
        }
        Input input = switch (text(root, "input", "json")) {
            case "json" -> Input.JSON;
            case "geojson" -> Input.GEOJSON;
            default -> throw invalid(name, "'input' is json or geojson.");
        };
        Map<String, String> prefixes = new LinkedHashMap<>(Cop.PREFIXES);
        prefixes.put("cc", "http://creativecommons.org/ns#");
        root.path("prefixes").fields().forEachRemaining(e -> prefixes.put(e.getKey(), e.getValue().asText()));
        JsonNode s = root.path("source");
        if (!s.isObject() || s.path("title").asText("").isBlank()) {
            throw invalid(name, "'source' needs at least a 'title' (and should say 'url', 'license' and 'attribution').");
        }
        Source source = new Source(text(s, "title", null), text(s, "url", null), text(s, "license", null),
                text(s, "attribution", null), text(s, "attributionUrl", null), text(s, "rightsHolder", null),
                text(s, "retrievedOn", null), text(s, "comment", null));
        Map<String, Scheme> schemes = new LinkedHashMap<>();
        root.path("schemes").fields().forEachRemaining(e -> schemes.put(e.getKey(), scheme(name, e.getKey(), e.getValue())));
        JsonNode r = root.path("record");
        if (!r.isObject() || r.path("iri").asText("").isBlank()) {
            throw invalid(name, "'record' needs an 'iri' template, e.g. \"{base}id/cop/{slug}\".");
        }
        Entity record = new Entity(strings(r.path("key")), r.path("iri").asText(), strings(r.path("slug")),
                strings(r.path("types")), fields(name, r.path("fields"), schemes), nested(name, r.path("objects"), schemes),
                r.has("rest") ? new Rest(text(r.path("rest"), "from", ""), text(r.path("rest"), "namespace", null),
                        strings(r.path("rest").path("ignore"))) : null, r.path("keyIsIri").asBoolean(false));
        if (record.slug().isEmpty()) {
            throw invalid(name, "'record.slug' names the field (or fields, first present) a resource's slug is made of.");
        }
        // records: one dotted path, or several: the first that is an array in the document is read.
        List<String> records = root.has("records") ? strings(root.path("records")) : List.of(input == Input.GEOJSON ? "features" : "");
        Links links = null;
        JsonNode l = root.path("links");
        if (l.isObject()) {
            if (l.path("records").asText("").isBlank() || l.path("from").asText("").isBlank() || l.path("to").asText("").isBlank()
                    || l.path("property").asText("").isBlank()) {
                throw invalid(name, "'links' needs 'records' (the path of the array), 'from', 'to' and a default 'property'.");
            }
            Map<String, String> map = new LinkedHashMap<>();
            l.path("map").fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            links = new Links(l.path("records").asText(), l.path("from").asText(), l.path("to").asText(), text(l, "type", null),
                    map, l.path("property").asText());
        }
        return new Mapping(name, text(root, "title", name), input, records.isEmpty() ? List.of("") : records,
                text(root, "graph", null), links, source, Map.copyOf(prefixes), schemes, record);
    }

    private static Scheme scheme(String mapping, String name, JsonNode n) {
        if (n.path("iri").asText("").isBlank() || n.path("concept").asText("").isBlank()) {
            throw invalid(mapping, "scheme '" + name + "' needs an 'iri' and a 'concept' template (with {id}).");
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        n.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), stringMap(e.getValue())));
        return new Scheme(name, n.path("iri").asText(), n.path("concept").asText(), stringMap(n.path("label")),
                stringMap(n.path("files")), text(n, "id", "id"), text(n, "prefLabel", "label"), text(n, "definition", null),
                text(n, "altLabel", null), values);
    }

    private static List<Field> fields(String mapping, JsonNode list, Map<String, Scheme> schemes) {
        List<Field> out = new ArrayList<>();
        for (JsonNode f : list) {
            List<String> path = strings(f.path("path"));
            String property = text(f, "property", null);
            if (path.isEmpty() || property == null) {
                throw invalid(mapping, "every field needs a 'path' and a 'property'; got " + f);
            }
            String concept = text(f, "concept", null);
            if (concept != null && !schemes.containsKey(concept)) {
                throw invalid(mapping, "field '" + path.get(0) + "' names the scheme '" + concept + "', which 'schemes' does not define.");
            }
            Map<String, String> map = null;
            if (f.has("map")) {
                map = new LinkedHashMap<>();
                for (var it = f.path("map").fields(); it.hasNext(); ) {
                    var e = it.next();
                    map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
                }
            }
            out.add(new Field(path, property, text(f, "lang", null), text(f, "datatype", null), text(f, "dateFormat", null),
                    f.path("iri").asBoolean(false), text(f, "resolve", null), f.path("link").asBoolean(false), concept, map,
                    strings(f.path("skip"))));
        }
        return out;
    }

    private static List<Nested> nested(String mapping, JsonNode list, Map<String, Scheme> schemes) {
        List<Nested> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (n.path("property").asText("").isBlank()) {
                throw invalid(mapping, "every entry of 'objects' needs a 'property' that links the record to it.");
            }
            out.add(new Nested(n.path("property").asText(), text(n, "iri", null), strings(n.path("types")),
                    strings(n.path("when")), fields(mapping, n.path("fields"), schemes)));
        }
        return out;
    }

    static Problem400 invalid(String mapping, String message) {
        return new Problem400("The mapping mappings/" + mapping + ".yaml cannot be used: " + message);
    }

    /** A mapping file that is wrong is the server's content, not the client's input: a clear failure at load. */
    static final class Problem400 extends IllegalArgumentException {
        Problem400(String message) {
            super(message);
        }
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n.isValueNode() && !n.isNull()) {
            out.add(n.asText());
        }
        return List.copyOf(out);
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
