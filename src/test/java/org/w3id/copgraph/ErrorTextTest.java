package org.w3id.copgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void javaClassNamesAreLeftOut() {
        assertThat(ErrorText.forClients("java.nio.charset.UnsupportedCharsetException: bogus-123")).isEqualTo("bogus-123");
        assertThat(ErrorText.forClients("org.apache.jena.riot.RiotException: [line: 1, col: 2] Bad IRI"))
                .isEqualTo("[line: 1, col: 2] Bad IRI");
        assertThat(ErrorText.forClients("PatternSyntaxException: Unclosed group near index 1")).isEqualTo("Unclosed group near index 1");
        assertThat(ErrorText.namesJavaClass(ErrorText.forClients("Caused by com.apicatalog.jsonld.JsonLdError: x at io.javalin.Foo.bar")))
                .isFalse();
    }

    @Test
    void iriAndWordsAreKept() {
        String m = "There is no graph https://w3id.org/copgraph/graph/x; see http://java.sun.com/dtd/x and org:Organization.";
        assertThat(ErrorText.forClients(m)).isEqualTo(m);
        assertThat(ErrorText.forClients("Error 404 at http://example.org/root/x")).isEqualTo("Error 404 at http://example.org/root/x");
    }

    @Test
    void theServersDirectoriesAreLeftOut() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(ErrorText.forClients("Cannot read file://" + cwd + "/pom.xml")).isEqualTo("Cannot read pom.xml");
        assertThat(ErrorText.forClients("No such file: " + cwd + "/data/x.ttl")).isEqualTo("No such file: data/x.ttl");
        assertThat(ErrorText.forClients("Base " + cwd)).doesNotContain(cwd);
    }
}
