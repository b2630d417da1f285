package org.w3id.copgraph.curation;

import java.time.Instant;
import java.util.List;

/**
 * What a change did, as recorded in the change log: the PROV activity that made it, who, when,
 * how many statements it added and removed, and the graphs and resources it touched. A change
 * that changed nothing has no activity: it is not recorded at all (see {@link #changed()}).
 */
public record ChangeRecord(
        String activity,
        String operation,
        String agent,
        Instant time,
        long added,
        long removed,
        List<String> graphs,
        List<String> resources) {

    /** A change that changed nothing: no activity, nothing added or removed, nothing recorded. */
    public static ChangeRecord unchanged(String operation, String agent, Instant time) {
        return new ChangeRecord(null, operation, agent, time, 0, 0, List.of(), List.of());
    }

    /** Whether the change changed anything (and so is in the change log and the event stream). */
    public boolean changed() {
        return activity != null;
    }
}
