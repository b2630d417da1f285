package org.w3id.copgraph.freshness;

import java.time.Instant;

/** A CoP's removal as the change log has it: which, why, when and by whom (null if unknown). */
public record Removal(String iri, String reason, Instant time, String agent) {
}
