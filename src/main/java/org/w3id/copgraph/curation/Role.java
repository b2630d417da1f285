package org.w3id.copgraph.curation;

/** What a caller may do: read (everyone), change the data (curators), run the store (admins). */
public enum Role {
    PUBLIC, CURATOR, ADMIN;

    public boolean allows(Role needed) {
        return ordinal() >= needed.ordinal();
    }
}
