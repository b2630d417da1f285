package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.rdflink.RDFConnectionAdapter;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.apache.jena.rdfconnection.RDFConnection;
import org.junit.jupiter.api.Test;

class PeerVirtuosoTest {

    @Test
    void anAnonymousUpdateThroughItsSparqlEndpointIsReadBack() {
        try (PeerVirtuoso v = PeerVirtuoso.start();
             RDFConnection c = RDFConnectionAdapter.adapt(RDFLinkHTTP.newBuilder()
                     .queryEndpoint(v.queryEndpoint()).updateEndpoint(v.updateEndpoint()).build())) {
            c.update("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"v\"@en } }");
            assertThat(c.queryAsk("ASK { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"v\"@en } }")).isTrue();
        }
    }
}
