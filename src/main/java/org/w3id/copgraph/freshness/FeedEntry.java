package org.w3id.copgraph.freshness;

import java.time.Instant;

/**
 * One entry of the CoP feed.
 *
 * @param id      a stable IRI: the change-log activity and the CoP for changes, the CoP and the
 *                day it fell due for stale entries
 * @param kind    new, changed, stale or removed (the Atom category)
 * @param copIri  the CoP it is about; its page is the entry's alternate link
 * @param agent   who made the change (null for stale entries)
 */
public record FeedEntry(String id, String kind, String title, String summary, Instant updated, String copIri, String agent) {
}
