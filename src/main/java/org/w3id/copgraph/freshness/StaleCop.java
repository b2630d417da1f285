package org.w3id.copgraph.freshness;

import java.time.LocalDate;
import java.util.List;

import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;

/**
 * A CoP due for review: its page, when it was last reviewed (null: never) and since when it is
 * stale (null: never reviewed), who to contact, and where to confirm it.
 */
public record StaleCop(String iri, String path, String label, LocalDate lastReviewed, LocalDate staleSince,
                       List<Link> contacts, String confirmAction) {

    static StaleCop of(CopFacts f, LocalDate staleSince, Iris iris) {
        String path = iris.pathOf(f.iri());
        String slug = path.substring(path.lastIndexOf('/') + 1);
        List<Link> contacts = f.contacts().stream().map(c -> Link.to(pathOr(iris, c.iri()), c.label())).toList();
        return new StaleCop(f.iri(), path, f.label(), f.lastReviewed(), staleSince, contacts,
                path.startsWith("/id/cop/") ? "/api/cops/" + slug + "/confirm" : null);
    }

    private static String pathOr(Iris iris, String iri) {
        String p = iris.pathOf(iri);
        return p != null ? p : iri;
    }

    /** "never reviewed" or the date, as the page shows it. */
    public String reviewedText() {
        return lastReviewed == null ? "never reviewed" : lastReviewed.toString();
    }
}
