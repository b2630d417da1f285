package org.w3id.copgraph.scaleout;

import org.w3id.copgraph.Http;
import org.w3id.copgraph.store.PeerVirtuoso;

/** The one store the fronts share, a SPARQL 1.1 service that is not copgraph's, in its own process: Debian's Virtuoso 7. */
final class StorePeer implements AutoCloseable {

    private final String query;
    private final String update;
    private final AutoCloseable stop;

    private StorePeer(String query, String update, AutoCloseable stop) {
        this.query = query;
        this.update = update;
        this.stop = stop;
    }

    /** Debian's Virtuoso 7 (see {@link PeerVirtuoso}): one URL for queries and updates. */
    static StorePeer virtuoso() throws Exception {
        PeerVirtuoso v = PeerVirtuoso.start();
        StorePeer peer = new StorePeer(v.queryEndpoint(), v.updateEndpoint(), v::close);
        peer.awaitAnswers();
        return peer;
    }

    String queryEndpoint() {
        return query;
    }

    String updateEndpoint() {
        return update;
    }

    private void awaitAnswers() throws InterruptedException {
        Http http = new Http(0);
        for (int i = 0; i < 1200; i++) {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(query + "?query=" + Http.enc("ASK {}")))
                        .header("Accept", "application/sparql-results+json").GET().build());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The store did not start at " + query);
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
