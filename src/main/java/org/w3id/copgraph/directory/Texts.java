package org.w3id.copgraph.directory;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One text in the languages the graph has it in (the untagged text under ""): shown in the
 * language asked for, else an untagged one, else English, else any (the first by tag, so every
 * request shows the same one).
 */
public record Texts(Map<String, String> byLang) {

    public static final Texts NONE = new Texts(Map.of());

    public Texts {
        // Sorted by tag, so "any" is the same one every time without sorting per request.
        byLang = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byLang));
    }

    public boolean isEmpty() {
        return byLang.isEmpty();
    }

    /** The text for {@code lang} (a BCP 47 tag, lower case), falling back as the class says; null when there is none. */
    public String in(String lang) {
        if (byLang.isEmpty()) {
            return null;
        }
        String exact = byLang.get(lang);
        if (exact != null) {
            return exact;
        }
        int dash = lang.indexOf('-');
        if (dash > 0 && byLang.containsKey(lang.substring(0, dash))) {
            return byLang.get(lang.substring(0, dash));
        }
        for (var e : byLang.entrySet()) {
            if (e.getKey().startsWith(lang + "-")) {
                return e.getValue();
            }
        }
        if (byLang.containsKey("")) {
            return byLang.get("");
        }
        if (byLang.containsKey("en")) {
            return byLang.get("en");
        }
        return byLang.values().iterator().next();
    }

    /** The language {@link #in} picks its text from ("" for untagged), or null. */
    public String langOf(String lang) {
        String text = in(lang);
        if (text == null) {
            return null;
        }
        for (var e : byLang.entrySet()) {
            if (e.getValue().equals(text)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * A builder that keeps, per language, the shortest text offered (the one that reads best as a
     * name), or with {@link #longest()} the longest (the one that says most, for descriptions).
     */
    static final class Builder {
        private final Map<String, String> byLang = new TreeMap<>();
        private final boolean longest;

        Builder() {
            this(false);
        }

        private Builder(boolean longest) {
            this.longest = longest;
        }

        static Builder longest() {
            return new Builder(true);
        }

        void add(String lang, String text) {
            String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
            String seen = byLang.get(l);
            int shorter = seen == null ? -1 : Integer.compare(text.length(), seen.length()) * (longest ? -1 : 1);
            if (seen == null || shorter < 0 || shorter == 0 && text.compareTo(seen) < 0) {
                byLang.put(l, text);
            }
        }

        boolean isEmpty() {
            return byLang.isEmpty();
        }

        Texts build() {
            return byLang.isEmpty() ? NONE : new Texts(byLang);
        }
    }
}
