package org.w3id.copgraph.curation;

/** Who is asking: the name a token was issued to (for the change log) and its role. */
public record Caller(String name, Role role) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Role.PUBLIC);

    /** Someone at the machine's command line, who can open the store directly anyway. */
    public static Caller local() {
        return new Caller("cli:" + System.getProperty("user.name", "unknown"), Role.ADMIN);
    }
}
