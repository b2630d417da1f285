package org.w3id.copgraph.suggestions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;

/**
 * What a resource's page shows of the suggestions: for a CoP, the CoPs it could learn from and
 * could help; for a person or an organisation, those of the CoPs it is tied to (introductions it
 * could make). Every CoP, thing that could move, resource a reason rests on and source graph is a
 * link; the JSON and the explorer view of the same suggestions are links too.
 *
 * @param forAgent   true on a person's or organisation's page
 * @param json       {@code /api/suggestions?cop=...} (or person=, organisation=)
 * @param explore    the explorer around the resource with suggested links turned on
 */
public record SuggestionsBox(String label, boolean forAgent, List<Entry> learnFrom, List<Entry> canHelp, Link json, Link explore) {

    /** The link kinds the explorer shows beside the suggested ones: every fact, for context. */
    static final String EXPLORE_KINDS = "cross-pollination,member,practice,domain,event,organisational,suggested";

    /** One suggested CoP, in rank order: what could move and why, each reason with its sources. */
    public record Entry(int rank, Link cop, String score, boolean alreadyLinked, List<Link> couldMove, List<Why> reasons) {
    }

    /** A reason as a sentence, the resources it rests on and the source graphs of those facts. */
    public record Why(String kind, String text, List<Link> via, List<Link> sources) {
    }

    public boolean isEmpty() {
        return learnFrom.isEmpty() && canHelp.isEmpty();
    }

    /** @param param the API's name for the subject: cop, person or organisation */
    public static SuggestionsBox of(SuggestionList list, Iris iris, String param) {
        String subject = URLEncoder.encode(list.subject(), StandardCharsets.UTF_8);
        return new SuggestionsBox(list.label(), !param.equals("cop"), entries(list.learnFrom(), iris), entries(list.canHelp(), iris),
                Link.to("/api/suggestions?" + param + "=" + subject, "these suggestions as JSON"),
                Link.to("/explore?focus=" + subject + "&kinds=" + URLEncoder.encode(EXPLORE_KINDS, StandardCharsets.UTF_8),
                        "the suggested links in the explorer"));
    }

    private static List<Entry> entries(List<Suggestion> suggestions, Iris iris) {
        java.util.ArrayList<Entry> out = new java.util.ArrayList<>();
        for (Suggestion s : suggestions) {
            out.add(new Entry(out.size() + 1, link(iris, s.cop(), s.label()), String.format(Locale.ROOT, "%.2f", s.score()),
                    s.alreadyLinked(), s.couldMove().stream().map(i -> link(iris, i.iri(), i.label())).toList(),
                    s.reasons().stream().map(r -> new Why(r.kind(), r.text(),
                            r.via().stream().map(i -> link(iris, i.iri(), i.label())).toList(),
                            r.sources().stream().map(g -> link(iris, g, g.substring(g.lastIndexOf('/') + 1))).toList())).toList()));
        }
        return List.copyOf(out);
    }

    private static Link link(Iris iris, String iri, String text) {
        String path = iris.pathOf(iri);
        return new Link(path != null ? path : iri, text, null, path == null);
    }
}
