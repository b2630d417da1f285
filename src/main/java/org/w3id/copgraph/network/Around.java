package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Networks that are exact around a few resources, built from only the facts those resources'
 * ties depend on. A neighbourhood asked right after a change needs the edges of a few hundred
 * nodes at most, yet a whole projection of the new version took 0.5–2 s to build at 10,000 CoPs
 * (and its memory): this builds what the neighbourhood reads, with {@link Projector} itself, so
 * the edges are the ones a whole projection has, reasons, weights and order alike.
 *
 * <p>Why the facts picked are enough for every edge at a centre {@code c}: in a CoP projection an
 * edge of {@code c} comes from a link between {@code c} and another CoP, or from a thing both are
 * tied to (a member, practice, domain, host or event; at an event, also through the members of
 * the people there). So the links of {@code c} are taken, every link of each thing at the end of
 * one (which also counts how many CoPs share it, for {@link Projector#MAX_SHARERS}), and for each
 * event reached that way, its links and the memberships of everyone at it. Links keep the order
 * of the facts, so the projector meets the ties of {@code c} in the order the whole projection
 * does. Edges between two resources that are not centres may be partial: only the centres'
 * edges are read.
 */
final class Around {

    private final List<Link> links;
    private final Map<String, Node> nodes;
    /** Per part of the links (see {@link LinkParts}): the part, and its index. */
    private final List<List<Link>> parts;
    private final List<Map<String, int[]>> indexes;
    private final int[] starts;
    private final Facts facts;
    private final int indexed;

    private Around(Facts facts, List<List<Link>> parts, List<Map<String, int[]>> indexes, int[] starts, int indexed) {
        this.facts = facts;
        this.indexed = indexed;
        this.links = facts.links();
        this.nodes = facts.nodes();
        this.parts = parts;
        this.indexes = indexes;
        this.starts = starts;
    }

    /** Indexes the links of {@code facts} by the resources they touch (tens of ms at 10,000 CoPs). */
    static Around of(Facts facts) {
        return of(facts, null);
    }

    /**
     * As {@link #of(Facts)}, taking from {@code previous} (the index of earlier facts, or null) the
     * index of each part of the links that is the very same part: a change remakes one part.
     */
    static Around of(Facts facts, Around previous) {
        List<List<Link>> parts;
        int[] starts;
        if (facts.links() instanceof LinkParts lp) {
            parts = lp.parts();
            starts = new int[parts.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = lp.start(i);
            }
        } else {
            parts = List.of(facts.links());
            starts = new int[] {0};
        }
        List<Map<String, int[]>> indexes = new ArrayList<>(parts.size());
        int made = 0;
        for (List<Link> part : parts) {
            Map<String, int[]> kept = previous == null ? null : previous.indexOf(part);
            if (kept == null) {
                kept = index(part);
                made++;
            }
            indexes.add(kept);
        }
        return new Around(facts, parts, indexes, starts, made);
    }

    /** Whether {@code other}'s links have a part that is one of these facts' parts (so its index can be taken). */
    boolean sharesPartsWith(Facts other) {
        return other.links() instanceof LinkParts lp && lp.parts().stream().anyMatch(p -> indexOf(p) != null);
    }

    private Map<String, int[]> indexOf(List<Link> part) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == part) {
                return indexes.get(i);
            }
        }
        return null;
    }

    /** Each resource at an end of {@code links}: the positions of the links touching it, in order. */
    private static Map<String, int[]> index(List<Link> links) {
        Map<String, int[]> counts = new HashMap<>();
        for (Link l : links) {
            counts.computeIfAbsent(l.from(), k -> new int[1])[0]++;
            counts.computeIfAbsent(l.to(), k -> new int[1])[0]++;
        }
        Map<String, int[]> touching = new HashMap<>((int) (counts.size() / 0.75f) + 1);
        counts.forEach((iri, n) -> {
            touching.put(iri, new int[n[0]]);
            n[0] = 0;
        });
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            int[] c = counts.get(l.from());
            touching.get(l.from())[c[0]++] = i;
            c = counts.get(l.to());
            touching.get(l.to())[c[0]++] = i;
        }
        return touching;
    }

    /** How many parts of the links this index made, rather than took from the index before it. */
    int partsIndexed() {
        return indexed;
    }

    Facts facts() {
        return facts;
    }

    /** The network of {@code projection} over {@code window}, exact at each of {@code centres}. */
    Net net(Projection projection, Window window, Collection<String> centres) {
        BitSet picked = new BitSet(links.size());
        Set<String> events = new HashSet<>();
        for (String c : centres) {
            int[] own = touching(c);
            pick(picked, own);
            if (!isCop(c)) {
                // A resource other than a CoP has as edges the links that touch it (network of every resource).
                continue;
            }
            for (int i : own) {
                Link l = links.get(i);
                String other = l.from().equals(c) ? l.to() : l.from();
                if (isCop(other)) {
                    // A tie between two CoPs is an edge of its own; the other CoP's ties add none at c.
                    continue;
                }
                int[] theirs = touching(other);
                pick(picked, theirs);
                for (int j : theirs) {
                    Link m = links.get(j);
                    if (m.kind() == LinkKind.EVENT) {
                        atEvent(m.to(), picked, events);
                    }
                }
            }
        }
        List<Link> sub = new ArrayList<>(picked.cardinality());
        for (int i = picked.nextSetBit(0); i >= 0; i = picked.nextSetBit(i + 1)) {
            sub.add(links.get(i));
        }
        return Projector.build(new Facts(nodes, sub), projection, window);
    }

    /** The links of an event, and the memberships of everyone at it (they bring their CoPs). */
    private void atEvent(String event, BitSet picked, Set<String> done) {
        if (!done.add(event)) {
            return;
        }
        for (int k : touching(event)) {
            picked.set(k);
            Link at = links.get(k);
            if (at.kind() == LinkKind.EVENT && !isCop(at.from())) {
                for (int m : touching(at.from())) {
                    if (links.get(m).kind() == LinkKind.MEMBER) {
                        picked.set(m);
                    }
                }
            }
        }
    }

    /** The positions in the facts' links of the links touching {@code iri}, in order. */
    private int[] touching(String iri) {
        int[] one = null;
        int found = 0;
        int total = 0;
        for (Map<String, int[]> index : indexes) {
            int[] t = index.get(iri);
            if (t != null) {
                found++;
                total += t.length;
                one = t;
            }
        }
        if (found == 0) {
            return new int[0];
        }
        if (found == 1 && starts.length == 1) {
            return one;
        }
        int[] all = new int[total];
        int at = 0;
        for (int p = 0; p < indexes.size(); p++) {
            int[] t = indexes.get(p).get(iri);
            if (t != null) {
                for (int i : t) {
                    all[at++] = starts[p] + i;
                }
            }
        }
        return all;
    }

    private static void pick(BitSet picked, int[] positions) {
        for (int i : positions) {
            picked.set(i);
        }
    }

    private boolean isCop(String iri) {
        Node n = nodes.get(iri);
        return n != null && n.type() == NodeType.COP;
    }
}
