package org.w3id.copgraph.linkeddata;

import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;

/** How pages link IRIs: ours on the serving host, ontology terms to their anchor, others where they live. */
public final class Terms {

    private Terms() {
    }

    /** {@code cop:hostedBy} for an IRI in a known namespace, else null. */
    public static String prefixed(String iri) {
        String best = null;
        int bestLen = 0;
        for (var e : Cop.PREFIXES.entrySet()) {
            if (iri.startsWith(e.getValue()) && e.getValue().length() > bestLen) {
                best = e.getKey() + ":" + iri.substring(e.getValue().length());
                bestLen = e.getValue().length();
            }
        }
        return best;
    }

    /** Where a link to the IRI points. */
    public static String href(Iris iris, String iri) {
        if (iri.startsWith(Cop.NS)) {
            return "/ontology#" + iri.substring(Cop.NS.length());
        }
        if (iri.equals(Cop.ONTOLOGY)) {
            return "/ontology";
        }
        String path = iris.pathOf(iri);
        return path != null ? path : iri;
    }

    /** Whether a link to the IRI leaves the site. */
    public static boolean external(Iris iris, String iri) {
        return iris.pathOf(iri) == null && !iri.startsWith(Cop.NS) && !iri.equals(Cop.ONTOLOGY);
    }

    /** A link to the IRI with {@code text}, its prefixed name beside it when it has one. */
    public static Link link(Iris iris, String iri, String text) {
        return new Link(href(iris, iri), text, prefixed(iri), external(iris, iri));
    }
}
