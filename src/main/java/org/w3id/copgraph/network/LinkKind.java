package org.w3id.copgraph.network;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.w3id.copgraph.Problem;

/**
 * Why two resources are linked: the kinds a mapper can filter by. {@link #SUGGESTED} is a link
 * copgraph computed ({@code cop:Suggestion}), not a fact of a source: it is in no projection and
 * no metric, never merged with the others into one edge, and shown only when asked for.
 */
public enum LinkKind {
    CROSS_POLLINATION, MEMBER, PRACTICE, DOMAIN, EVENT, ORGANISATIONAL, SUGGESTED;

    /** Every kind of fact a source states: what the network shows when no kind is asked for. */
    public static final Set<LinkKind> FACTS = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(SUGGESTED)));

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LinkKind parse(String param, String value) {
        for (LinkKind k : values()) {
            if (k.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' must list link kinds among "
                + String.join(", ", java.util.Arrays.stream(values()).map(LinkKind::id).toList()) + "; got '" + value + "'.");
    }
}
