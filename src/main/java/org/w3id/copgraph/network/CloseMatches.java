package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.w3id.copgraph.Problem;

/**
 * Resources whose slug or label is near a name that was not found ("urbanaa", "/id/cop/urbna"),
 * for a 404 that says what was probably meant instead of leaving a blank page.
 */
final class CloseMatches {

    private CloseMatches() {
    }

    static List<Problem.Match> of(Collection<Node> candidates, String asked, int limit) {
        String slug = lastSegment(asked).toLowerCase(Locale.ROOT);
        if (slug.length() < 2) {
            return List.of();
        }
        String words = slug.replace('-', ' ');
        String kind = asked.substring(0, asked.lastIndexOf('/') + 1);
        // Longer names tolerate more typos: a third of the letters, at least two.
        int most = Math.max(2, slug.length() / 3);
        LevenshteinDistance distance = new LevenshteinDistance(most);
        List<Scored> near = new ArrayList<>();
        for (Node n : candidates) {
            String nodeSlug = lastSegment(n.iri()).toLowerCase(Locale.ROOT);
            String label = n.label().toLowerCase(Locale.ROOT);
            int d = best(distance.apply(slug, nodeSlug), distance.apply(words, label));
            if (d < 0 && slug.length() >= 4 && (nodeSlug.contains(slug) || label.contains(words))) {
                d = most + 1;
            }
            if (d >= 0) {
                near.add(new Scored(n, d, !n.iri().startsWith(kind)));
            }
        }
        near.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::otherKind)
                .thenComparing(s -> s.node().type() != NodeType.COP).thenComparingInt(s -> s.node().label().length()));
        return near.stream().limit(limit).map(s -> new Problem.Match(s.node().iri(), s.node().label())).toList();
    }

    /** The smaller of two distances, where -1 means "further than the threshold". */
    private static int best(int a, int b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private static String lastSegment(String iri) {
        String s = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
    }

    private record Scored(Node node, int distance, boolean otherKind) {
    }
}
