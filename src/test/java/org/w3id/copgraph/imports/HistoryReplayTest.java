package org.w3id.copgraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * The eleven earlier versions of the directory, imported in date order as replacements of its
 * source graph: the event stream gets a member for each community added, changed or removed
 * between two versions, and none for a community that stayed the same.
 */
class HistoryReplayTest {

    private static final Path HISTORY = Path.of("src/test/resources/datasets/community-directory-es/history");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Iris IRIS = Iris.DEFAULT;
    private static final Node GRAPH = NodeFactory.createURI(IRIS.graph("community-directory-es"));

    @Test
    void replayingTheHistoryGivesOneMemberPerChangedCommunity() throws IOException {
        List<Path> versions;
        try (Stream<Path> files = Files.list(HISTORY)) {
            versions = files.filter(f -> f.toString().endsWith(".json.gz")).sorted().toList();
        }
        assertThat(versions).hasSize(11);
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.inMemory())) {
            cg.loader().loadSeedIfEmpty();
            Map<String, JsonNode> before = Map.of();
            Map<String, String> slugOfKey = new HashMap<>();
            int totalChanged = 0;
            for (Path version : versions) {
                byte[] body;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(version))) {
                    body = in.readAllBytes();
                }
                Map<String, JsonNode> after = byKey(JSON.readTree(body));
                Set<String> expected = new TreeSet<>();
                for (String k : union(before.keySet(), after.keySet())) {
                    if (!java.util.Objects.equals(before.get(k), after.get(k))) {
                        expected.add(k);
                    }
                }
                ImportReport r = cg.imports().run(Caller.local(), "community-directory-es", body, null, null, null, n -> { });
                slugOfKey.putAll(keys(cg));
                Set<String> withMembers = new TreeSet<>();
                Map<String, String> keyOfSlug = new HashMap<>();
                slugOfKey.forEach((k, s) -> keyOfSlug.put(s, k));
                for (String resource : membersOf(cg, r.change())) {
                    String slug = communitySlug(resource);
                    if (slug != null) {
                        withMembers.add(keyOfSlug.getOrDefault(slug, "?" + slug));
                    }
                }
                assertThat(withMembers).as(version.getFileName().toString()).isEqualTo(expected);
                // The report counts the same communities (their places are resources of their own).
                totalChanged += expected.size();
                before = after;
            }
            assertThat(totalChanged).isGreaterThan(628);
        }
    }

    /**
     * The directory's earlier versions spelt status, type and event format in Spanish: the same
     * value in another spelling is no change (the mapping reads both).
     */
    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("Activa", "active"), Map.entry("Inactiva", "inactive"), Map.entry("Inactivo", "inactive"),
            Map.entry("Desconocido", "unknown"), Map.entry("Tech Meetup", "tech-meetup"), Map.entry("Conferencia", "conference"),
            Map.entry("Organización paraguas", "umbrella-org"), Map.entry("Hacklab", "hacklab"),
            Map.entry("Grupo colaborativo", "collaborative-group"), Map.entry("Grupo de ayuda mutua", "mutual-aid"),
            Map.entry("Meta comunidad", "meta-community"), Map.entry("Meta name", "meta-community"),
            Map.entry("Presencial", "in-person"), Map.entry("Online", "online"), Map.entry("Híbridos", "hybrid"),
            Map.entry("Híbrido", "hybrid"));

    /** Records by key, without the empty values the mapping leaves out (null, "", [], {}). */
    private static Map<String, JsonNode> byKey(JsonNode array) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode r : array) {
            ObjectNode copy = r.deepCopy();
            for (String field : List.of("status", "communityType", "eventFormat")) {
                String v = copy.path(field).asText();
                if (SPELLINGS.containsKey(v)) {
                    copy.put(field, SPELLINGS.get(v));
                }
            }
            out.put(r.path("id").asText(), normalise(copy));
        }
        return out;
    }

    private static JsonNode normalise(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("id")) {
                    continue;
                }
                JsonNode v = normalise(e.getValue());
                if (v != null) {
                    o.set(e.getKey(), v);
                }
            }
            return o.isEmpty() ? null : o;
        }
        if (n.isArray()) {
            var a = JSON.createArrayNode();
            n.forEach(x -> {
                JsonNode v = normalise(x);
                if (v != null) {
                    a.add(v);
                }
            });
            return a.isEmpty() ? null : a;
        }
        if (n.isNull() || n.isTextual() && n.asText().isBlank()) {
            return null;
        }
        if (n.isTextual()) {
            return JSON.getNodeFactory().textNode(n.asText().strip());
        }
        if (n.isNumber()) {
            return JSON.getNodeFactory().numberNode(n.decimalValue().stripTrailingZeros());
        }
        return n;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The key (dcterms:identifier) of every record the source graph holds now, with its slug. */
    private static Map<String, String> keys(Copgraph cg) {
        Map<String, String> out = new HashMap<>();
        cg.store().read(d -> {
            d.getGraph(GRAPH).find(Node.ANY, DCTerms.identifier.asNode(), Node.ANY).forEachRemaining(t ->
                    out.put(t.getObject().getLiteralLexicalForm(), communitySlug(t.getSubject().getURI())));
            return null;
        });
        return out;
    }

    /** A community's slug from its IRI or its place's; null for anything else (tags, audiences). */
    private static String communitySlug(String iri) {
        String cop = IRIS.resource("cop", "");
        String place = IRIS.resource("place", "community-directory-es-");
        return iri.startsWith(cop) ? iri.substring(cop.length()) : iri.startsWith(place) ? iri.substring(place.length()) : null;
    }

    /** The resources the event stream has a member for, made by the change-log activity {@code activity}. */
    private static List<String> membersOf(Copgraph cg, String activity) {
        if (activity == null) {
            return List.of();
        }
        Node prov = NodeFactory.createURI("http://www.w3.org/ns/prov#activity");
        Node gen = NodeFactory.createURI("http://www.w3.org/ns/prov#qualifiedGeneration");
        return cg.store().read(d -> {
            var sys = d.getDefaultGraph();
            return sys.find(Node.ANY, prov, NodeFactory.createURI(activity)).toList().stream()
                    .flatMap(t -> sys.find(Node.ANY, gen, t.getSubject()).toList().stream())
                    .flatMap(t -> sys.find(t.getSubject(), DCTerms.isVersionOf.asNode(), Node.ANY).toList().stream())
                    .map(t -> t.getObject().getURI())
                    .toList();
        });
    }
}
