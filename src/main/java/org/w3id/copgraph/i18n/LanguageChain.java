package org.w3id.copgraph.i18n;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The languages a reader asked for, best first, always ending with English: what a page's words
 * and the data's labels are picked by. A regional tag is followed by its primary language
 * ({@code it-CH} then {@code it}), so a reader of Swiss Italian still gets Italian labels. Texts in
 * none of these languages are still shown ("then any"): a label in Catalan beats no label.
 *
 * @param tags lower-case BCP 47 tags, best first, without duplicates; the last one is {@code en}
 */
public record LanguageChain(List<String> tags) {

    public static final String DEFAULT = "en";
    public static final LanguageChain ENGLISH = of(List.of());

    public LanguageChain {
        tags = List.copyOf(tags);
    }

    /** The chain of {@code asked} (tags in order of preference), with primary subtags and English added. */
    public static LanguageChain of(List<String> asked) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : asked) {
            String tag = a.strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            out.add(tag);
            int dash = tag.indexOf('-');
            if (dash > 0) {
                out.add(tag.substring(0, dash));
            }
        }
        out.add(DEFAULT);
        return new LanguageChain(new ArrayList<>(out));
    }

    /** The language asked for first ({@code en} when nothing was asked). */
    public String first() {
        return tags.get(0);
    }

    /** The primary language subtag of the first choice ({@code it} for {@code it-ch}). */
    public String primary() {
        return primaryOf(first());
    }

    /**
     * A text of {@code byLang} (language tag, "" for untagged, to text): the first language of the
     * chain that has one, then an untagged text, then any (the least tag, so every request shows
     * the same one). Untagged texts (names, mostly) come after the asked-for languages but before
     * the English fallback. Null when there is none.
     */
    public Picked pick(Map<String, String> byLang) {
        if (byLang == null || byLang.isEmpty()) {
            return null;
        }
        Map.Entry<String, String> best = best(byLang.entrySet(), Map.Entry::getKey);
        return best == null ? null : new Picked(best.getValue(), best.getKey(), differs(best.getKey()));
    }

    /** The best of {@code items} by their language ({@code langOf}; "" or null for none), as {@link #pick} orders them. */
    public <T> T best(Collection<T> items, Function<T, String> langOf) {
        T best = null;
        int bestRank = Integer.MAX_VALUE;
        String bestLang = null;
        for (T item : items) {
            String lang = langOf.apply(item);
            lang = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
            int rank = rank(lang);
            if (best == null || rank < bestRank || rank == bestRank && lang.compareTo(bestLang) < 0) {
                best = item;
                bestRank = rank;
                bestLang = lang;
            }
        }
        return best;
    }

    /** Whether a text in {@code lang} is in another language than the one asked for first ("" never is). */
    public boolean differs(String lang) {
        if (lang == null || lang.isEmpty()) {
            return false;
        }
        return !primaryOf(lang.toLowerCase(Locale.ROOT)).equals(primary());
    }

    /**
     * Smaller is better: a language of the chain in its order (a regional variant of one just
     * after it), then an untagged text, then the English fallback, then anything. When English
     * is all the chain holds, it comes before untagged texts: the reader asked for English.
     */
    private int rank(String lang) {
        int last = tags.size() - 1;
        int untagged = last == 0 ? 2 : 3 * last - 1;
        if (lang.isEmpty()) {
            return untagged;
        }
        int at = tags.indexOf(lang);
        if (at >= 0) {
            return 3 * at;
        }
        int primaryAt = tags.indexOf(primaryOf(lang));
        if (primaryAt >= 0) {
            return 3 * primaryAt + 1; // it-ch when it was asked for
        }
        return Integer.MAX_VALUE - 1;
    }

    private static String primaryOf(String tag) {
        int dash = tag.indexOf('-');
        return dash > 0 ? tag.substring(0, dash) : tag;
    }

    /**
     * A picked text and its language.
     *
     * @param lang    its language tag ("" when untagged)
     * @param differs whether that is not the language asked for, so a page should say which it is
     */
    public record Picked(String text, String lang, boolean differs) {
    }
}
