package org.w3id.copgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.w3id.copgraph.Problem;

/** {@code java -jar copgraph.jar COMMAND ...}: parses arguments and hands over to a command. */
@Command(name = "copgraph", mixinStandardHelpOptions = true, version = "copgraph 0.1.0",
        description = "A linked-data knowledge graph of Communities of Practice.",
        subcommands = {ServeCommand.class, LoadCommand.class, ValidateCommand.class, QueryCommand.class, NetworkCommand.class, SuggestCommand.class,
                GenerateCommand.class, BenchCommand.class, BackupCommand.class, RestoreCommand.class, TokenCommand.class,
                ExportCommand.class, ImportCommand.class, SeedSnapshotCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 ok, 1 failed, 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(cmd.getColorScheme().errorText("copgraph " + cmd.getCommandName() + ": "
                            + (e instanceof Problem ? e.getMessage() : String.valueOf(e))));
                    if (!(e instanceof Problem)) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
