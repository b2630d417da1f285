package org.w3id.copgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.store.Backup;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the data of the store with a backup made by `copgraph backup`, as one",
                "change: the whole file and its checksum are verified first, the restored data is",
                "checked against the SHACL shapes, and the restore is recorded in the change log",
                "and the event stream (history is kept: see docs). A file that is not a complete,",
                "valid backup changes nothing."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--force", description = "Restore even data that breaks the shapes, or an old backup without a"
            + " checksum (its gzip stream is still checked). The change log records a forced restore.")
    boolean force;

    @Parameters(paramLabel = "FILE", description = "A backup (gzip N-Quads with a checksum line).")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw Problem.badRequest("no-such-file", "No such file: " + file);
        }
        Backup.Contents backup;
        try (InputStream in = Files.newInputStream(file)) {
            backup = Backup.read(in, force);
        }
        // Opened as the server opens it, so the event stream hears of the restore like any change.
        try (Copgraph cg = Copgraph.open(options.settings())) {
            ChangeRecord r = cg.curation().restore(Caller.local(), backup.data(), force);
            if (r.changed()) {
                System.out.printf("Restored %d statements from %s%s: %d added, %d removed (%s).%n", backup.statements(), file,
                        backup.checksummed() ? "" : " (no checksum: an old backup)", r.added(), r.removed(), r.activity());
            } else {
                System.out.printf("The store already holds the data of %s: nothing changed.%n", file);
            }
            return 0;
        }
    }
}
