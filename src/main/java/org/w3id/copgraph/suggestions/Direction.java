package org.w3id.copgraph.suggestions;

/** Which way a suggestion goes, seen from the CoP asked about. */
public enum Direction {
    /** The other CoP could help this one. */
    LEARN_FROM,
    /** This CoP could help the other. */
    CAN_HELP
}
