package org.w3id.copgraph.network;

import java.util.Locale;

import org.w3id.copgraph.Problem;

/** Why two resources are linked: the kinds a mapper can filter by. */
public enum LinkKind {
    CROSS_POLLINATION, MEMBER, PRACTICE, DOMAIN, EVENT, ORGANISATIONAL;

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
