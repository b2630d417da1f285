package org.w3id.copgraph.curation;

import java.time.Instant;
import java.util.List;

/**
 * What a change did, as recorded in the change log: the PROV activity that made it, who, when,
 * how many statements it added and removed, and the graphs and resources it touched. A change
 * that changed nothing has no activity: it is not recorded at all (see {@link #changed()}).
 *
 * <p>{@code credits} are the people a change is credited to besides its {@code agent} (the caller
 * who made it): for an accepted proposal, its proposer (role "proposer") and the curator who
 * accepted it (role "reviewer"). The change log associates the activity with each of them, with
 * their role (see {@link ChangeLog}).
 */
public record ChangeRecord(
        String activity,
        String operation,
        String agent,
        Instant time,
        long added,
        long removed,
        List<String> graphs,
        List<String> resources,
        List<Credit> credits) {

    /** Someone a change is credited to, in a role: {@link #PROPOSER}, {@link #REVIEWER} or {@link #OWNER}. */
    public record Credit(String name, String role) {
    }

    public static final String PROPOSER = "proposer";
    public static final String REVIEWER = "reviewer";
    /** A CoP's owner who changed their own CoP without review (see {@code proposals}). */
    public static final String OWNER = "owner";

    public ChangeRecord(String activity, String operation, String agent, Instant time, long added, long removed,
                        List<String> graphs, List<String> resources) {
        this(activity, operation, agent, time, added, removed, graphs, resources, List.of());
    }

    /** A change that changed nothing: no activity, nothing added or removed, nothing recorded. */
    public static ChangeRecord unchanged(String operation, String agent, Instant time) {
        return new ChangeRecord(null, operation, agent, time, 0, 0, List.of(), List.of());
    }

    /** Whether the change changed anything (and so is in the change log and the event stream). */
    public boolean changed() {
        return activity != null;
    }
}
