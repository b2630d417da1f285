package org.w3id.copgraph.network;

import java.util.Locale;

/**
 * On what evidence a tie rests ({@code cop:evidenceStatus}): only proposed or planned, reported
 * by a source, or observed. Most ties state none: they are plain statements of their source.
 * {@link #SUGGESTED} is only ever given to the links copgraph computed ({@link LinkKind#SUGGESTED}).
 */
public enum Evidence {
    PROPOSED, REPORTED, OBSERVED, SUGGESTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status of a concept's local name ("Proposed"), or null for none or one not known. A
     * source's fact stated "suggested" is read as stating none: that status belongs to computed links.
     */
    static Evidence of(String localName) {
        if (localName == null || SUGGESTED.name().equalsIgnoreCase(localName)) {
            return null;
        }
        for (Evidence e : values()) {
            if (e.name().equalsIgnoreCase(localName)) {
                return e;
            }
        }
        return null;
    }
}
