package org.w3id.copgraph.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class BundlesTest {

    /** A literal key in a template: t.get("..."), t.html("..."), or Messages...get("..."). */
    private static final Pattern KEY = Pattern.compile("\\b(?:t|messages\\(\\))\\.(?:get|html)\\(\"([a-zA-Z0-9_.-]+)\"");
    /** A key made from a prefix and a value: t.get("facet." + f.param()). */
    private static final Pattern PREFIX = Pattern.compile("\\bt\\.get\\(\"([a-zA-Z0-9_.-]+\\.)\" \\+");

    @Test
    void everyBundleHasEveryKey() throws IOException {
        Set<String> en = Messages.of("en").keys();
        assertThat(en).isNotEmpty();
        for (String lang : Messages.LANGUAGES) {
            assertThat(new TreeSet<>(Messages.of(lang).keys())).as("keys of " + lang).isEqualTo(new TreeSet<>(en));
            for (String key : en) {
                assertThat(Messages.of(lang).get(key)).as(lang + " " + key).isNotBlank();
            }
        }
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                String text = Files.readString(f);
                Matcher m = KEY.matcher(text);
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
                Matcher p = PREFIX.matcher(text);
                while (p.find()) {
                    prefixes.add(p.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(en).as("keys the templates use").containsAll(used);
        for (String prefix : prefixes) {
            assertThat(en).as("keys starting " + prefix).anyMatch(k -> k.startsWith(prefix));
        }
    }

    @Test
    void italianAndSpanishSayItTheirWay() {
        assertThat(Messages.forLanguage("it-IT").get("nav.directory")).isEqualTo("Elenco");
        assertThat(Messages.forLanguage("es").get("cops.heading")).isEqualTo("Comunidades de práctica");
        assertThat(Messages.forLanguage("it").get("cops.heading")).isEqualTo("Comunità di pratica");
        assertThat(Messages.forLanguage("fr").lang()).isEqualTo("en");
        // No MessageFormat: an apostrophe stays.
        assertThat(Messages.of("it").get("queries.openInEditor")).contains("nell'editor");
    }
}
