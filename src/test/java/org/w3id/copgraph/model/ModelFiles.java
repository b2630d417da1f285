package org.w3id.copgraph.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;

/** The model's files (ontology/*.ttl and data/*.trig) and the graphs read from them. */
final class ModelFiles {

    static final String BASE = "https://w3id.org/copgraph/";
    static final String ID = BASE + "id/";
    static final String GRAPH = BASE + "graph/";
    static final String META_GRAPH = GRAPH + "meta";
    static final String COP = BASE + "ontology#";
    static final String ONTOLOGY_IRI = BASE + "ontology";

    static final Path ONTOLOGY_DIR = Path.of("ontology");
    static final Path DATA_DIR = Path.of("data");
    static final Path ONTOLOGY = ONTOLOGY_DIR.resolve("copgraph.ttl");
    static final Path SCHEMES = ONTOLOGY_DIR.resolve("schemes.ttl");
    static final Path SHAPES = ONTOLOGY_DIR.resolve("shapes.ttl");
    static final Path CONTEXT = ONTOLOGY_DIR.resolve("context.jsonld");

    private ModelFiles() {
    }

    static List<Path> dataFiles() {
        try (Stream<Path> files = Files.list(DATA_DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".trig")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Model read(Path file) {
        return RDFDataMgr.loadModel(file.toString());
    }

    static Dataset readDataset(Path file) {
        return RDFDataMgr.loadDataset(file.toString());
    }

    /** copgraph.ttl and schemes.ttl: the vocabulary, without the shapes. */
    static Model vocabulary() {
        Model model = ModelFactory.createDefaultModel();
        model.add(read(ONTOLOGY));
        model.add(read(SCHEMES));
        return model;
    }

    /** The union of every named graph of the given data files. */
    static Model unionOfGraphs(List<Path> files) {
        Model model = ModelFactory.createDefaultModel();
        for (Path file : files) {
            Dataset dataset = readDataset(file);
            dataset.listModelNames().forEachRemaining(name -> model.add(dataset.getNamedModel(name)));
        }
        return model;
    }

    /** A dataset holding every data file's graphs (graphs of the same name merged). */
    static Dataset allData() {
        Dataset all = DatasetFactory.create();
        for (Path file : dataFiles()) {
            Dataset dataset = readDataset(file);
            dataset.listModelNames().forEachRemaining(name ->
                    all.getNamedModel(name).add(dataset.getNamedModel(name)));
        }
        return all;
    }

    static String slugOfFile(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".trig".length());
    }
}
