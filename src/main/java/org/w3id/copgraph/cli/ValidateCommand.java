package org.w3id.copgraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.store.Shacl;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check RDF files against the SHACL shapes (with the ontology, for class hierarchies).",
                "Prints the report; exits 1 when there are violations. The store is not touched."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "RDF files or directories.")
    List<Path> files;

    @Override
    public Integer call() {
        var s = options.settings();
        Shacl.Report report = Loader.validate(s.home(), s.iris(), files);
        System.out.print(report.text().endsWith("\n") ? report.text() : report.text() + "\n");
        return report.conforms() ? 0 : 1;
    }
}
