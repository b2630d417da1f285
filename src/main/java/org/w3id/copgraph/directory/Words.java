package org.w3id.copgraph.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Words as the directory's own matching sees them: lower case, accents dropped ("Pór" is found by
 * "por"), split at anything that is not a letter or digit. Used when no text index answers.
 */
final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {
    }

    static List<String> of(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : SPLIT.split(plain)) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The distinct words of all {@code texts}, sorted, for {@link #hasPrefix}. */
    static String[] sortedSet(Collection<String> texts) {
        TreeSet<String> set = new TreeSet<>();
        texts.forEach(t -> set.addAll(of(t)));
        return set.toArray(new String[0]);
    }

    /** Whether some word of {@code sorted} starts with {@code prefix}. */
    static boolean hasPrefix(String[] sorted, String prefix) {
        int i = Arrays.binarySearch(sorted, prefix);
        if (i >= 0) {
            return true;
        }
        int insertion = -i - 1;
        return insertion < sorted.length && sorted[insertion].startsWith(prefix);
    }
}
