package org.w3id.copgraph.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Backup;
import org.w3id.copgraph.store.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Backups verified whole before anything is touched, and restore as a change like any other (issue 12 §6). */
class RestoreHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANGES = "https://w3id.org/copgraph/graph/changes";
    private static final String LATER = "https://w3id.org/copgraph/id/document/restore-later";

    @RegisterExtension
    static final WritableServer server = new WritableServer("rita");

    private static byte[] backup() {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/admin/backup"))
                .header("Authorization", "Bearer " + server.admin()).GET().build();
        return server.http().sendBytes(get);
    }

    private static HttpResponse<String> restore(byte[] backup, String query, String token) {
        return server.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/admin/restore" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(backup)).build());
    }

    private static HttpResponse<String> restore(byte[] backup) {
        return restore(backup, "", server.admin());
    }

    /** Every statement of the store, bookkeeping and event stream included, as sorted lines. */
    private static String store() {
        return server.cg().store().read(d -> {
            TreeSet<String> lines = new TreeSet<>();
            d.find().forEachRemaining(q -> lines.add(q.toString()));
            return String.join("\n", lines);
        });
    }

    /** The data: the source graphs and their descriptions, not history or derived graphs. */
    private static TreeSet<String> data() {
        return server.cg().store().read(d -> {
            TreeSet<String> lines = new TreeSet<>();
            d.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                String g = q.getGraph().getURI();
                if (!g.equals(CHANGES) && !g.endsWith("/graph/network-metrics")) {
                    lines.add(q.toString());
                }
            });
            return lines;
        });
    }

    private static long changeLogEntries() {
        Node changes = NodeFactory.createURI(CHANGES);
        return server.cg().store().read(d -> org.apache.jena.atlas.iterator.Iter.count(
                d.find(changes, Node.ANY, RDF.type.asNode(), NodeFactory.createURI(Cop.Change))));
    }

    private static void assertRefused(byte[] backup, String what) throws IOException {
        server.settle();
        String before = store();
        HttpResponse<String> r = restore(backup);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("bad-backup");
        assertThat(body.get("message").asText()).contains(what);
        assertThat(store()).isEqualTo(before);
    }

    private static String gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aBackupEndsWithItsChecksumLine() throws IOException {
        String text = gunzip(backup());
        String last = text.strip().substring(text.strip().lastIndexOf('\n') + 1);
        assertThat(last).matches("# copgraph-backup statements=\\d+ sha256=[0-9a-f]{64}");
    }

    @Test
    void aTruncatedBackupIsRefusedAndTheStoreIsUnchanged() throws IOException {
        byte[] whole = backup();
        assertRefused(Arrays.copyOf(whole, whole.length - 8), "cut off");
        assertRefused(Arrays.copyOf(whole, whole.length - 4), "cut off");
        assertRefused(Arrays.copyOf(whole, whole.length / 2), "cut off");
        // Cut at a line and compressed again: a valid gzip stream, but the checksum line is gone.
        String text = gunzip(whole);
        assertRefused(gzip(text.substring(0, text.lastIndexOf('\n', text.length() / 2) + 1)), "no checksum");
        assertRefused("not gzip at all".getBytes(StandardCharsets.UTF_8), "gzip");
    }

    @Test
    void aTamperedBackupOrChecksumIsRefused() throws IOException {
        String text = gunzip(backup());
        String trailer = text.substring(text.lastIndexOf("# copgraph-backup"));
        String body = text.substring(0, text.lastIndexOf("# copgraph-backup"));
        String altered = body.replaceFirst("\"[^\"]*\"", "\"tampered\"");
        assertThat(altered).isNotEqualTo(body);
        assertRefused(gzip(altered + trailer), "altered");
        String digest = trailer.substring(trailer.indexOf("sha256=") + 7, trailer.indexOf("sha256=") + 71);
        String other = (digest.charAt(0) == '0' ? "1" : "0") + digest.substring(1);
        assertRefused(gzip(body + trailer.replace(digest, other)), "altered");
        assertRefused(gzip(body + trailer.replaceFirst("statements=\\d+", "statements=1")), "says 1");
        assertRefused(gzip(body + trailer + "<urn:a> <urn:b> <urn:c> <urn:g> .\n"), "after its checksum");
        assertRefused(gzip(body + "# copgraph-backup statements=12 sha256=nothex\n"), "malformed");
    }

    @Test
    void onlyAnAdminRestores() {
        server.settle();
        String before = store();
        assertThat(restore(backup(), "", server.curator()).statusCode()).isEqualTo(403);
        assertThat(restore(backup(), "", "not-a-token").statusCode()).isIn(401, 403);
        assertThat(store()).isEqualTo(before);
    }

    @Test
    void aRoundTripGivesTheSameDataOneChangeLogEntryAndAnEventStreamMember() throws IOException {
        byte[] backup = backup();
        TreeSet<String> before = data();
        HttpResponse<String> added = server.http().post("/update", "application/sparql-update",
                "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/restore-test> { <" + LATER
                        + "> <http://www.w3.org/2000/01/rdf-schema#label> \"later\" } }",
                "Authorization", "Bearer " + server.curator());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        long entries = changeLogEntries();
        long members = server.cg().harvest().stream().size();
        var version = server.cg().store().lastModified();

        HttpResponse<String> r = restore(backup);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("changed").asBoolean()).isTrue();
        assertThat(body.get("operation").asText()).isEqualTo("restore");
        assertThat(body.get("agent").asText()).isEqualTo("rita-admin");
        assertThat(body.get("removed").asLong()).isEqualTo(1);
        assertThat(body.get("added").asLong()).isZero();
        assertThat(data()).isEqualTo(before);
        assertThat(changeLogEntries()).as("history is kept; the restore is one more entry").isEqualTo(entries + 1);
        assertThat(server.cg().harvest().stream().size()).as("a tombstone for the resource the restore removed")
                .isEqualTo(members + 1);
        assertThat(server.cg().store().lastModified()).as("caches, network and precomputed answers key on it")
                .isAfter(version);

        // The same backup again: nothing changes, nothing is recorded.
        HttpResponse<String> again = restore(backup);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("changed").asBoolean()).isFalse();
        assertThat(changeLogEntries()).isEqualTo(entries + 1);
    }

    @Test
    void aNonConformingRestoreIsRefusedWithoutForceAndAcceptedWithIt() throws IOException {
        Backup.Contents current = Backup.read(new ByteArrayInputStream(backup()), false);
        Node bad = NodeFactory.createURI("https://w3id.org/copgraph/id/cross-pollination/restored-nowhere");
        Node g = NodeFactory.createURI("https://w3id.org/copgraph/graph/restore-bad");
        byte[] nonConforming;
        try (Store copy = Store.inMemory()) {
            copy.write(d -> {
                current.data().find().forEachRemaining(d::add);
                d.add(Quad.create(g, bad, RDF.type.asNode(), NodeFactory.createURI(Cop.NS + "CrossPollination")));
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Backup.write(copy, out);
            nonConforming = out.toByteArray();
        }
        server.settle();
        String before = store();
        HttpResponse<String> refused = restore(nonConforming);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("shacl-violation");
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("force");
        assertThat(store()).isEqualTo(before);

        HttpResponse<String> forced = restore(nonConforming, "?force=true", server.admin());
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        assertThat(JSON.readTree(forced.body()).get("operation").asText()).isEqualTo("restore-forced");
        boolean restored = server.cg().store().read(d -> d.contains(g, bad, Node.ANY, Node.ANY));
        assertThat(restored).isTrue();
        // Put the conforming data back, for the other tests.
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        try (Store copy = Store.inMemory()) {
            copy.write(d -> current.data().find().forEachRemaining(d::add));
            Backup.write(copy, good);
        }
        assertThat(restore(good.toByteArray()).statusCode()).isEqualTo(200);
    }

    @Test
    void anOldBackupWithoutAChecksumIsRestoredOnlyWithForce() throws IOException {
        String text = gunzip(backup());
        byte[] old = gzip(text.substring(0, text.lastIndexOf("# copgraph-backup")));
        assertRefused(old, "no checksum");
        HttpResponse<String> forced = restore(old, "?force=true", server.admin());
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        assertThat(JSON.readTree(forced.body()).get("checksum").asBoolean()).isFalse();
    }
}
