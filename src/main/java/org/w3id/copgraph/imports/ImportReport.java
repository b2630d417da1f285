package org.w3id.copgraph.imports;

import java.util.List;

/**
 * What an import did: the source graph it replaced, with which mapping, how many records it read,
 * how many resources it added, changed and removed (resources that did not change are not
 * counted and not touched), the statements added and removed, the change-log activity (null when
 * nothing changed) and what was left out, and why.
 */
public record ImportReport(String graph, String mapping, boolean created, int records, int added, int changed, int removed,
                           long statementsAdded, long statementsRemoved, String change, List<String> warnings) {
}
