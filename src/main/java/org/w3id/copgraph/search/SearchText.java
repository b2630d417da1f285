package org.w3id.copgraph.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3id.copgraph.Problem;

/**
 * What someone typed into a search box, as the words to look for. Only letters and digits make
 * words: quotes, asterisks, brackets, backslashes and every other character of Lucene's query
 * syntax separate words and are never passed on, so no input can change the meaning of the index
 * query; AND, OR and NOT in capitals (Lucene's operators) are dropped, since every word must
 * match anyway. Text with no word left, or too long to be a search, is a 400 that says so.
 *
 * @param words the words in lower case, as typed (accents kept: a scan matches them as they are)
 * @param folded the same words in lower case without accents (as the index holds them)
 */
record SearchText(List<String> words, List<String> folded) {

    /** Longer than any name or phrase one searches for; longer text is refused, not cut. */
    static final int MAX_CHARS = 200;
    static final int MAX_WORDS = 12;

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");

    static SearchText parse(String text) {
        if (text == null || text.isBlank()) {
            throw Problem.badRequest("search-empty", "Give some words to search for, e.g. q=transition.");
        }
        if (text.length() > MAX_CHARS) {
            throw Problem.badRequest("search-too-long", "The search text has " + text.length() + " characters; at most "
                    + MAX_CHARS + " are searched for. Give a few words of a name or description.");
        }
        List<String> words = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        for (String w : NOT_WORD.split(Normalizer.normalize(text, Normalizer.Form.NFC))) {
            if (w.isEmpty() || OPERATORS.contains(w)) {
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            if (!words.contains(lower)) {
                words.add(lower);
                folded.add(fold(lower));
            }
        }
        if (words.isEmpty()) {
            throw Problem.badRequest("search-no-words", "The search text holds no word to look for (only operators or"
                    + " punctuation such as \" * ( ) \\ AND OR). Give a word of a name or description, e.g. q=transition.");
        }
        if (words.size() > MAX_WORDS) {
            throw Problem.badRequest("search-too-long", "The search text has " + words.size() + " words; at most "
                    + MAX_WORDS + " are searched for. Give a few words of a name or description.");
        }
        return new SearchText(List.copyOf(words), List.copyOf(folded));
    }

    /** Lower case without accents ("Città" is "citta"), as the index folds what it holds. */
    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("");
    }

    /** A literal's words, folded, in order. */
    static List<String> tokens(String literal) {
        List<String> out = new ArrayList<>();
        for (String t : NOT_WORD.split(fold(literal))) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The folded words joined by one space, to compare with a label's {@link #tokens}. */
    String phrase() {
        return String.join(" ", folded);
    }

    /**
     * Whether a word of a literal matches a searched word as the index matches it: it starts with
     * the word ("transit" finds "Transition"), or both are the same word but for an English plural
     * ("communities" finds "community").
     */
    static boolean matches(String token, String word) {
        return token.startsWith(word) || singular(token).startsWith(singular(word));
    }

    /** English plural to singular, as Lucene's EnglishMinimalStemFilter (the index's) does it. */
    static String singular(String s) {
        int len = s.length();
        if (len < 3 || s.charAt(len - 1) != 's') {
            return s;
        }
        char before = s.charAt(len - 2);
        if (before == 'u' || before == 's') {
            return s;
        }
        if (before == 'e') {
            if (len > 3 && s.charAt(len - 3) == 'i' && s.charAt(len - 4) != 'a' && s.charAt(len - 4) != 'e') {
                return s.substring(0, len - 3) + "y";
            }
            char third = s.charAt(len - 3);
            if (third == 'i' || third == 'a' || third == 'o' || third == 'e') {
                return s;
            }
        }
        return s.substring(0, len - 1);
    }
}
