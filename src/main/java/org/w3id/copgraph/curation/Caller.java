package org.w3id.copgraph.curation;

/**
 * Who is asking: the name a token was issued to (for the change log), its role, and for an
 * owner's token the one resource it is scoped to (a CoP's IRI; what hangs off that CoP comes with
 * it). A scoped caller's role is PUBLIC: the scope, not the role, lets it change its own CoP.
 */
public record Caller(String name, Role role, String scope) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Role.PUBLIC);

    public Caller(String name, Role role) {
        this(name, role, null);
    }

    /** Someone at the machine's command line, who can open the store directly anyway. */
    public static Caller local() {
        return new Caller("cli:" + System.getProperty("user.name", "unknown"), Role.ADMIN);
    }

    /** Whether this caller holds an owner's token for {@code iri}. */
    public boolean owns(String iri) {
        return scope != null && scope.equals(iri);
    }
}
