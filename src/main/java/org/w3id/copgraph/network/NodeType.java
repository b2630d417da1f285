package org.w3id.copgraph.network;

import java.util.Locale;

import org.w3id.copgraph.Problem;

/** What a node of the network stands for; CoPs first, the rest can be shown around them. */
public enum NodeType {
    COP, PERSON, ORGANISATION, PRACTICE, EVENT, DOMAIN, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NodeType parse(String param, String value) {
        for (NodeType t : values()) {
            if (t.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' must list node types among "
                + String.join(", ", java.util.Arrays.stream(values()).map(NodeType::id).toList()) + "; got '" + value + "'.");
    }
}
