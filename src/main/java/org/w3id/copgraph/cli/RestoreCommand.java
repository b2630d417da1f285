package org.w3id.copgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import org.w3id.copgraph.Problem;
import org.w3id.copgraph.store.Backup;
import org.w3id.copgraph.store.Store;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the whole store with a backup made by `copgraph backup`, in one transaction.",
                "A file that is not a valid backup changes nothing."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Parameters(paramLabel = "FILE", description = "A backup (gzip N-Quads).")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw Problem.badRequest("no-such-file", "No such file: " + file);
        }
        try (Store store = Store.open(options.settings().storeDir()); InputStream in = Files.newInputStream(file)) {
            long n = Backup.restore(store, in);
            System.out.printf("Restored %d statements from %s.%n", n, file);
            return 0;
        }
    }
}
