package org.w3id.copgraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

/**
 * Loads RDF into the store: parse everything first, then in one write transaction replace
 * each named graph the input carries, check the resulting data against the SHACL shapes, and
 * commit only if it conforms. Loading the same files twice leaves the same store.
 */
public final class Loader {

    private final Store store;
    private final Shacl shacl;
    private final Home home;
    private final Iris iris;

    public Loader(Store store, Home home, Iris iris) {
        this.store = store;
        this.home = home;
        this.iris = iris;
        this.shacl = Shacl.fromFile(home.shapes());
    }

    public record Result(List<String> graphs, long quads) {
    }

    /** Loads the ontology and the data of the home directory, if the store holds nothing yet. */
    public Result loadSeedIfEmpty() {
        if (!store.isEmpty()) {
            return new Result(List.of(), 0);
        }
        return loadFiles(List.of(home.ontology(), home.data()));
    }

    public Result loadFiles(List<Path> files) {
        return load(RdfFiles.read(files, iris));
    }

    public Result load(DatasetGraph incoming) {
        List<Node> graphs = new ArrayList<>();
        incoming.listGraphNodes().forEachRemaining(graphs::add);
        long[] quads = {0};
        store.write(dsg -> {
            for (Node g : graphs) {
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            }
            var it = incoming.find();
            try {
                while (it.hasNext()) {
                    Quad q = it.next();
                    dsg.add(q);
                    quads[0]++;
                }
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
            Shacl.Report report = shacl.check(dsg.getUnionGraph());
            if (!report.conforms()) {
                throw new Problem(Problem.Kind.UNPROCESSABLE, "shacl-violation",
                        "The data does not conform to the shapes; nothing was loaded.\n" + report.text());
            }
        });
        return new Result(graphs.stream().map(Node::getURI).toList(), quads[0]);
    }

    /** Checks files, together with the ontology (for class hierarchies), without touching the store. */
    public static Shacl.Report validate(Home home, Iris iris, List<Path> files) {
        List<Path> all = new ArrayList<>();
        all.add(home.ontology());
        all.addAll(files);
        DatasetGraph d = RdfFiles.read(all, iris);
        return Shacl.fromFile(home.shapes()).check(d.getUnionGraph());
    }
}
