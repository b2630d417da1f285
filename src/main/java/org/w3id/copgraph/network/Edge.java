package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An edge of a built network: all the reasons that tie {@code source} to {@code target}, summed
 * into one weight. Identity equality on purpose: graph algorithms hash edges a lot, and two
 * edges are the same only if they are the same object.
 */
public final class Edge {

    private final int id;
    private final String source;
    private final String target;
    private final boolean directed;
    private final List<Reason> reasons;
    private final double weight;

    /** @param id the edge's number in its network; its id is "e" and the number, made when asked for */
    public Edge(int id, String source, String target, boolean directed, List<Reason> reasons) {
        this.id = id;
        this.source = source;
        this.target = target;
        this.directed = directed;
        this.reasons = List.copyOf(reasons);
        double w = 0;
        for (Reason r : this.reasons) {
            w += r.weight();
        }
        this.weight = w;
    }

    public String id() {
        return "e" + id;
    }

    public String source() {
        return source;
    }

    public String target() {
        return target;
    }

    public boolean directed() {
        return directed;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public double weight() {
        return weight;
    }

    public Set<LinkKind> kinds() {
        Set<LinkKind> kinds = EnumSet.noneOf(LinkKind.class);
        reasons.forEach(r -> kinds.add(r.kind()));
        return kinds;
    }

    /** The earliest dated reason, or null when none is dated. */
    public LocalDate firstDate() {
        return reasons.stream().map(Reason::date).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    public String other(String end) {
        return end.equals(source) ? target : source;
    }

    /** This edge with only {@code kept} of its reasons. */
    Edge withReasons(List<Reason> kept) {
        return new Edge(id, source, target, directed, kept);
    }

    /** This edge with only the reasons of {@code kinds}, or null when none is left. */
    Edge restrictedTo(Set<LinkKind> kinds) {
        if (kinds.containsAll(kinds())) {
            return this;
        }
        List<Reason> kept = reasons.stream().filter(r -> kinds.contains(r.kind())).toList();
        return kept.isEmpty() ? null : new Edge(id, source, target, directed, kept);
    }
}
