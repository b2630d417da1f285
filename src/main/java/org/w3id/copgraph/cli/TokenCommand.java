package org.w3id.copgraph.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.curation.Tokens;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Issue a bearer token: its hash is appended to the tokens file, the token is printed once.",
                "Give the file to `serve --tokens FILE`."})
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--tokens", required = true, paramLabel = "FILE", description = "The tokens file (created if missing).")
    Path tokens;

    @Option(names = "--name", required = true, description = "Who the token is for (shown in the change log).")
    String name;

    @Option(names = "--role", defaultValue = "curator", description = "curator (writes data) or admin (also backup, restore, tokens); default ${DEFAULT-VALUE}.")
    Role role;

    @Override
    public Integer call() {
        String token = Tokens.load(tokens, Map.of()).issue(role, name);
        System.out.println(token);
        System.err.printf("Issued a %s token for %s; its hash is in %s. Keep the token: it is not stored.%n",
                role.name().toLowerCase(), name, tokens);
        return 0;
    }
}
