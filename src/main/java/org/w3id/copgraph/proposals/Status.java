package org.w3id.copgraph.proposals;

import java.util.Locale;

/** Where a proposal stands: waiting for a curator, published, or turned down. */
public enum Status {
    PENDING, ACCEPTED, REJECTED;

    /** The lower-case name used in addresses and JSON ({@code ?status=pending}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code pending}, {@code accepted} or {@code rejected}, any case; null when it is none of them. */
    public static Status parse(String s) {
        if (s == null) {
            return null;
        }
        for (Status st : values()) {
            if (st.name().equalsIgnoreCase(s.strip())) {
                return st;
            }
        }
        return null;
    }
}
