package org.w3id.copgraph.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import gg.jte.Content;

/**
 * The words of the pages in one language: {@code src/main/resources/i18n/messages{,_it,_es}.properties},
 * read as UTF-8. A key missing in a language falls back to English, then to the key itself (a
 * test checks that no key is missing). Arguments are {@code {0}}, {@code {1}}... replaced as
 * plain text: no {@link java.text.MessageFormat}, whose quoting would eat the apostrophes of
 * Italian ("l'ontologia").
 */
public final class Messages {

    /** The languages the pages' words come in, English first (the default). */
    public static final List<String> LANGUAGES = List.of("en", "it", "es");

    private static final Map<String, Messages> ALL = Map.of(
            "en", new Messages("en", load("messages"), null),
            "it", new Messages("it", load("messages_it"), load("messages")),
            "es", new Messages("es", load("messages_es"), load("messages")));

    private final String lang;
    private final Properties words;
    private final Properties english;

    private Messages(String lang, Properties words, Properties english) {
        this.lang = lang;
        this.words = words;
        this.english = english;
    }

    /** The words for a reader of {@code chain}: the first of its languages the pages come in (English at the end of every chain). */
    public static Messages forChain(LanguageChain chain) {
        for (String tag : chain.tags()) {
            Messages m = ALL.get(tag);
            if (m != null) {
                return m;
            }
        }
        return english();
    }

    /** The words for a reader of {@code tag} (a BCP 47 tag such as it-CH): its language's, else English. */
    public static Messages forLanguage(String tag) {
        return forChain(LanguageChain.of(tag == null ? List.of() : List.of(tag)));
    }

    public static Messages of(String lang) {
        return ALL.getOrDefault(lang, english());
    }

    public static Messages english() {
        return ALL.get("en");
    }

    /** The language of these words ({@code <html lang>}). */
    public String lang() {
        return lang;
    }

    /**
     * The {@code lang} attribute a text in {@code textLang} needs on a page in these words: null
     * when it is untagged or in the page's own language (then {@code <html lang>} says it).
     */
    public String langAttr(String textLang) {
        if (textLang == null || textLang.isEmpty()) {
            return null;
        }
        String primary = textLang.split("-", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return primary.equals(lang) ? null : textLang;
    }

    /** The words of {@code key}, with {@code {0}}, {@code {1}}... replaced by {@code args}. */
    public String get(String key, Object... args) {
        String s = words.getProperty(key);
        if (s == null && english != null) {
            s = english.getProperty(key);
        }
        if (s == null) {
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /**
     * The words of {@code key} as markup: for the few sentences with a link or an emphasis inside,
     * which a translation must be free to move. Only for the bundles' own text (never with data or
     * user text in it: that goes through {@link #get}, escaped by the template).
     */
    public Content html(String key) {
        String s = get(key);
        return out -> out.writeContent(s);
    }

    /** Every key of this language's own bundle (for the test that the bundles agree). */
    public java.util.Set<String> keys() {
        return words.stringPropertyNames();
    }

    private static Properties load(String name) {
        String path = "/i18n/" + name + ".properties";
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundle " + path);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
