package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Why two resources are linked, in words a mapper can read ("shared member Davie Phillip"),
 * with the resource that explains it ({@code via}: the member, practice, event or
 * cross-pollination), its date when known, the named graphs (sources) it was read from, and
 * how much it adds to the weight of the edge (1, or a cross-pollination's strength 1–3).
 * The words are put together only when asked for: a large network holds millions of reasons
 * and shows a few hundred, and the texts would take most of the memory.
 */
public final class Reason {

    private final LinkKind kind;
    private final Object text;
    private final String via;
    private final LocalDate date;
    private final List<String> sources;
    private final double weight;
    private final Evidence evidence;

    public Reason(LinkKind kind, String text, String via, LocalDate date, List<String> sources, double weight) {
        this(kind, (Object) Objects.requireNonNull(text), via, date, sources, weight, null);
    }

    /** A reason whose text is made from {@code text} when first asked for (not kept). */
    Reason(LinkKind kind, Supplier<String> text, String via, LocalDate date, List<String> sources, double weight) {
        this(kind, (Object) Objects.requireNonNull(text), via, date, sources, weight, null);
    }

    /** With the evidence status its source gives (null for none). */
    Reason(LinkKind kind, Supplier<String> text, String via, LocalDate date, List<String> sources, double weight, Evidence evidence) {
        this(kind, (Object) Objects.requireNonNull(text), via, date, sources, weight, evidence);
    }

    private Reason(LinkKind kind, Object text, String via, LocalDate date, List<String> sources, double weight, Evidence evidence) {
        this.evidence = evidence;
        this.kind = kind;
        this.text = text;
        this.via = via;
        this.date = date;
        this.sources = List.copyOf(sources);
        this.weight = weight;
    }

    public LinkKind kind() {
        return kind;
    }

    @SuppressWarnings("unchecked")
    public String text() {
        return text instanceof String s ? s : ((Supplier<String>) text).get();
    }

    public String via() {
        return via;
    }

    public LocalDate date() {
        return date;
    }

    public List<String> sources() {
        return sources;
    }

    public double weight() {
        return weight;
    }

    /** The evidence status the source gives the tie, or null when it states none. */
    public Evidence evidence() {
        return evidence;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Reason r && kind == r.kind && Double.compare(weight, r.weight) == 0
                && Objects.equals(via, r.via) && Objects.equals(date, r.date) && sources.equals(r.sources)
                && text().equals(r.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, via, date, sources, weight);
    }

    @Override
    public String toString() {
        return "Reason[" + kind + ": " + text() + "]";
    }
}
