package org.w3id.copgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import org.w3id.copgraph.store.Backup;
import org.w3id.copgraph.store.Store;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write the whole store (data, change log, event stream, bookkeeping) to FILE as gzip",
                "N-Quads, ended by a checksum line (statement count and SHA-256) that restore verifies."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Parameters(paramLabel = "FILE", description = "Where to write the backup, e.g. copgraph-2026-11-24.nq.gz.")
    Path file;

    @Override
    public Integer call() throws IOException {
        try (Store store = Store.open(options.settings().storeDir()); OutputStream out = Files.newOutputStream(file)) {
            long n = Backup.write(store, out);
            System.out.printf("Backed up %d statements to %s (%d bytes).%n", n, file, Files.size(file));
            return 0;
        }
    }
}
