package org.w3id.copgraph.sparql;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;

class ProbeTmpTest {
    @RegisterExtension
    static final SeededServer server = new SeededServer();

    void show(String name, HttpRequest r) {
        try {
            HttpResponse<String> res = server.http().send(r);
            String b = res.body();
            System.out.println("PROBE " + name + " -> " + res.statusCode() + " " + res.headers().firstValue("Content-Type").orElse("") + " | " + b.substring(0, Math.min(300, b.length())).replace("\n", "\\n"));
        } catch (Throwable e) {
            System.out.println("PROBE " + name + " -> EXC " + e);
        }
    }

    HttpRequest.Builder b(String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path)));
    }

    @Test
    void probe() {
        String q = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
        show("charset", b("/sparql").header("Content-Type", "application/sparql-query; charset=bogus-1").POST(HttpRequest.BodyPublishers.ofString(q)).build());
        show("charset form", b("/sparql").header("Content-Type", "application/x-www-form-urlencoded; charset=bogus-1").POST(HttpRequest.BodyPublishers.ofString("query=" + Http.enc(q))).build());
        show("ct ;;;", b("/sparql").header("Content-Type", ";;;").POST(HttpRequest.BodyPublishers.ofString(q)).build());
        show("accept ;;", b("/sparql?query=" + Http.enc(q)).header("Accept", ";;").build());
        show("accept ;; nq", b("/sparql").header("Accept", ";;").build());
        show("regex", b("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p ?o FILTER regex(str(?o), \"(\") } LIMIT 1")).build());
        show("regex2", b("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p ?o FILTER regex(str(?o), ?p) } LIMIT 1")).build());
        show("replace", b("/sparql?query=" + Http.enc("SELECT (replace(str(?o), \"[\", \"x\") AS ?x) WHERE { ?s ?p ?o } LIMIT 1")).build());
        show("badutf8", b("/sparql").header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'A', 'S', 'K', ' ', '{', (byte) 0xff, (byte) 0xfe, '}'})).build());
        show("service", b("/sparql?query=" + Http.enc("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")).build());
        show("from", b("/sparql?query=" + Http.enc("SELECT * FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }")).build());
        show("fromnamed", b("/sparql?query=" + Http.enc("SELECT * FROM NAMED <http://127.0.0.1:9/x> WHERE { GRAPH ?g { ?s ?p ?o } }")).build());
        show("update get", b("/update").build());
        show("update put", b("/update").PUT(HttpRequest.BodyPublishers.ofString("x")).build());
        show("deep", b("/sparql").header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString("SELECT * WHERE " + "{".repeat(2000) + "}".repeat(2000))).build());
        StringBuilder u = new StringBuilder("SELECT * WHERE { {?s ?p 1}");
        for (int i = 0; i < 20000; i++) u.append(" UNION {?s ?p ").append(i).append("}");
        u.append("}");
        show("union", b("/sparql").header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(u.toString())).build());
        show("unknown fn", b("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p ?o FILTER(<urn:f>(?o)) } LIMIT 1")).build());
        show("put sparql", b("/sparql").PUT(HttpRequest.BodyPublishers.ofString("x")).build());
        show("post other ct", b("/sparql").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(q)).build());
    }
}
