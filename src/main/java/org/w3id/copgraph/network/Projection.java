package org.w3id.copgraph.network;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.w3id.copgraph.Problem;

/**
 * A way of looking at the graph as a network. The CoP projections draw only CoPs, linked when
 * they share something; {@link #RESOURCES} draws every resource with the facts that tie them,
 * plus the CoP–CoP edges of all projections. Suggested links are in none of them (see
 * {@link LinkKind#SUGGESTED}): they are added to a view only when asked for.
 */
public enum Projection {
    CROSS_POLLINATION(true, EnumSet.of(LinkKind.CROSS_POLLINATION),
            "CoPs linked by cross-pollinations, from the community practice came from to the one it went to"),
    SHARED_MEMBERS(false, EnumSet.of(LinkKind.MEMBER), "CoPs linked by the members they share"),
    SHARED_PRACTICES(false, EnumSet.of(LinkKind.PRACTICE), "CoPs linked by the practices and tools they share"),
    SHARED_DOMAINS(false, EnumSet.of(LinkKind.DOMAIN), "CoPs linked by the domains they share"),
    SHARED_EVENTS(false, EnumSet.of(LinkKind.EVENT), "CoPs linked by events their members (or they) took part in together"),
    ORGANISATIONAL(false, EnumSet.of(LinkKind.ORGANISATIONAL), "CoPs linked by the hosts, networks and ecosystems they share"),
    ALL(false, LinkKind.FACTS, "CoPs linked for any of the reasons above, weights summed"),
    RESOURCES(false, LinkKind.FACTS, "every resource (CoPs, people, organisations, practices, events, domains) and the facts that tie them");

    public final boolean directed;
    public final Set<LinkKind> kinds;
    public final String description;

    Projection(boolean directed, Set<LinkKind> kinds, String description) {
        this.directed = directed;
        this.kinds = kinds;
        this.description = description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean copsOnly() {
        return this != RESOURCES;
    }

    public static Projection parse(String value, Projection fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (Projection p : values()) {
            if (p.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw Problem.badRequest("unknown-projection", "Unknown projection '" + value + "'; use one of "
                + String.join(", ", Arrays.stream(values()).map(Projection::id).toList()) + ".");
    }
}
