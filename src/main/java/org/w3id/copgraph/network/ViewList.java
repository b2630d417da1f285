package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A network view as lists a page can show without JavaScript (the embedded network): the
 * resources, and each tie with the reasons for it in words. Every resource is a link.
 */
public record ViewList(String title, List<Item> resources, List<Tie> ties, List<String> notes) {

    /** A resource: its label, its type in words, and its page ({@code href}). */
    public record Item(String label, String type, String href) {
    }

    /** A tie between two resources and why they are tied. */
    public record Tie(Item from, Item to, boolean directed, List<String> reasons) {
    }

    /** {@code pathOf} gives a resource's page on this host, or null for an IRI outside the base (then the IRI is the link). */
    public static ViewList of(View view, Function<String, String> pathOf) {
        List<Item> resources = new ArrayList<>();
        view.nodes().values().stream()
                .sorted(Comparator.comparing((Node n) -> n.type().ordinal()).thenComparing(n -> n.label().toLowerCase(java.util.Locale.ROOT)))
                .forEach(n -> resources.add(item(n, pathOf)));
        List<Tie> ties = new ArrayList<>();
        for (Edge e : view.edges()) {
            Node a = view.nodes().get(e.source());
            Node b = view.nodes().get(e.target());
            if (a == null || b == null) {
                continue;
            }
            ties.add(new Tie(item(a, pathOf), item(b, pathOf), e.directed(),
                    e.reasons().stream().map(Reason::text).distinct().toList()));
        }
        return new ViewList(view.title(), resources, ties, view.notes());
    }

    private static Item item(Node n, Function<String, String> pathOf) {
        String path = pathOf.apply(n.iri());
        String type = switch (n.type()) {
            case COP -> "community of practice";
            case PERSON -> "person";
            case ORGANISATION -> "organisation";
            case PRACTICE -> "practice";
            case EVENT -> "event";
            case DOMAIN -> "domain";
            case OTHER -> "resource";
        };
        return new Item(n.label(), type, path != null ? path : n.iri());
    }
}
