package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.List;

/**
 * Why two resources are linked, in words a mapper can read ("shared member Davie Phillip"),
 * with the resource that explains it ({@code via}: the member, practice, event or
 * cross-pollination), its date when known, the named graphs (sources) it was read from, and
 * how much it adds to the weight of the edge (1, or a cross-pollination's strength 1–3).
 */
public record Reason(LinkKind kind, String text, String via, LocalDate date, List<String> sources, double weight) {

    public Reason {
        sources = List.copyOf(sources);
    }
}
