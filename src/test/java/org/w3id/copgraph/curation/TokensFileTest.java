package org.w3id.copgraph.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Problem;

/** Several servers (fronts of one store) read one tokens file: what one issues, the others accept. */
class TokensFileTest {

    @Test
    void aTokenIssuedThroughAnotherReaderOfTheFileIsAcceptedWithoutARestart() throws Exception {
        Path file = Files.createTempFile("tokens", ".txt");
        Tokens front = Tokens.load(file, Map.of());
        Tokens other = Tokens.load(file, Map.of());
        String token = other.issue(Role.CURATOR, "issued-elsewhere");
        // A file time stamp that surely moved, whatever the file system's resolution.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(front.authenticate(token).name()).isEqualTo("issued-elsewhere");
        assertThat(other.authenticate(token).role()).isEqualTo(Role.CURATOR);
    }

    @Test
    void aLineDeletedFromTheFileRevokesItsToken() throws Exception {
        Path file = Files.createTempFile("tokens", ".txt");
        Tokens tokens = Tokens.load(file, Map.of());
        String kept = tokens.issue(Role.CURATOR, "kept");
        String revoked = tokens.issue(Role.ADMIN, "revoked");
        Files.writeString(file, Files.readAllLines(file).stream().filter(l -> !l.contains(" revoked ")).map(l -> l + "\n")
                .reduce("", String::concat));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(tokens.authenticate(kept).name()).isEqualTo("kept");
        assertThatThrownBy(() -> tokens.authenticate(revoked)).isInstanceOf(Problem.class);
        assertThat(tokens.list()).extracting(Tokens.Entry::name).containsExactly("kept");
    }

    @Test
    void environmentTokensStayWhenTheFileChanges() throws Exception {
        Path file = Files.createTempFile("tokens", ".txt");
        Tokens tokens = Tokens.load(file, Map.of("COPGRAPH_CURATOR_TOKEN", "from-the-environment"));
        tokens.issue(Role.CURATOR, "from-the-file");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(tokens.authenticate("from-the-environment").name()).isEqualTo("env-curator");
        assertThat(tokens.list()).extracting(Tokens.Entry::name).containsExactly("from-the-file", "env-curator");
    }
}
