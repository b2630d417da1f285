package org.w3id.copgraph.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.w3id.copgraph.Problem;

/**
 * The mapping files by name: {@code mappings/*.yaml} of the working directory (a checkout, as
 * {@code queries/} is read), or else the copies the jar carries, so {@code java -jar} works from
 * anywhere. Side files a mapping names (a scheme's labels) are read beside the mapping file.
 */
public final class Mappings {

    private final Path dir;
    private final Map<String, Mapping> byName;

    private Mappings(Path dir, Map<String, Mapping> byName) {
        this.dir = dir;
        this.byName = byName;
    }

    /** The mappings of {@code dir} when it exists, else those in the jar (the class path's {@code mappings/}). */
    public static Mappings load(Path dir) {
        if (Files.isDirectory(dir)) {
            return read(dir);
        }
        URL url = Mappings.class.getClassLoader().getResource("mappings/geojson.yaml");
        if (url == null) {
            return new Mappings(dir, Map.of());
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return read(fs.getPath("/mappings"));
            }
            return read(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mappings read(Path dir) {
        Map<String, Mapping> map = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                String file = f.getFileName().toString();
                String name = file.substring(0, file.length() - ".yaml".length());
                map.put(name, Mapping.parse(name, Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Mappings(dir, map);
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }

    /** The mapping called {@code name}, or a 404 listing the ones there are. */
    public Mapping get(String name) {
        Mapping m = byName.get(name);
        if (m == null) {
            throw Problem.notFound("unknown-mapping", "No mapping named '" + name + "'. The mappings are: "
                    + String.join(", ", byName.keySet()) + " (one file each in mappings/, see docs/imports.md).");
        }
        return m;
    }

    /**
     * A side file of a mapping, relative to the mappings folder: first beside {@code input} (the
     * file being imported, when there is one), then in the mappings folder. Never outside either.
     */
    public byte[] sideFile(String relative, Path input) {
        if (relative.contains("..") || relative.startsWith("/")) {
            throw new IllegalArgumentException("A side file is named relative to mappings/, without '..': " + relative);
        }
        try {
            if (input != null && input.getParent() != null) {
                Path beside = input.getParent().resolve(Path.of(relative).getFileName().toString());
                if (Files.isRegularFile(beside)) {
                    return Files.readAllBytes(beside);
                }
            }
            Path f = dir.resolve(relative);
            if (!Files.isRegularFile(f)) {
                throw new Problem(Problem.Kind.NOT_FOUND, "missing-side-file", "The mapping needs the file mappings/"
                        + relative + ", which is not there.");
            }
            try (InputStream in = Files.newInputStream(f)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
