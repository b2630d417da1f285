package org.w3id.copgraph.curation;

import java.time.Instant;
import java.util.List;

/**
 * What a change did, as recorded in the change log: the PROV activity that made it, who, when,
 * how many statements it added and removed, and the graphs and resources it touched.
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
}
