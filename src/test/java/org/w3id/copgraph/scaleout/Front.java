package org.w3id.copgraph.scaleout;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One copgraph front as its own JVM ({@code copgraph serve} on a remote store), as an operator
 * starts it, so that a test can kill it like a crash. Everything it prints is kept, for tests
 * that check what a front did (or did not do) in the background.
 */
final class Front implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> listening = new CompletableFuture<>();

    private Front(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
        Thread reader = new Thread(this::readOutput, "front-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code copgraph serve --port PORT ARGS...} from the compiled classes (no jar needed);
     * returns at once: {@link #awaitListening()} waits for it.
     */
    static Front start(String name, int port, List<String> args) throws IOException {
        String cp = String.join(File.pathSeparator, "target/classes",
                Files.readString(Path.of("target/runtime-classpath.txt")).strip());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", cp, "org.w3id.copgraph.cli.Main", "serve",
                "--port", Integer.toString(port)));
        cmd.addAll(args);
        return new Front(name, port, new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.add(line);
                if (line.contains("copgraph serving ")) {
                    listening.complete(null);
                }
            }
        } catch (IOException e) {
            // The process went away.
        }
        listening.completeExceptionally(new IllegalStateException("front " + name + " exited before listening:\n"
                + String.join("\n", output)));
    }

    /** Waits until the front listens (its seed, if any, is loaded by then). */
    void awaitListening() throws Exception {
        try {
            listening.get(150, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("front " + name + " does not listen after 150 s:\n" + String.join("\n", output), e);
        }
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** What the front printed so far (start-up lines, log lines). */
    List<String> output() {
        return List.copyOf(output);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, open connections are cut, like a crash of the machine it runs on. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
