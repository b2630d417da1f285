package org.w3id.copgraph.store;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A plain Fuseki server with a TDB2 dataset whose default graph is the union of its named graphs:
 * the "other SPARQL store" of the remote-store tests, run as a separate process on loopback.
 * Arguments: PORT DIR. Endpoints: /ds/query, /ds/update.
 */
public final class PeerFuseki {

    private PeerFuseki() {
    }

    public static void main(String[] args) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(args[1]);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        FusekiServer server = FusekiServer.create().loopback(true).port(Integer.parseInt(args[0])).add("/ds", dsg).build().start();
        System.out.println("PEER READY " + server.getPort());
        server.join();
    }
}
