package org.w3id.copgraph.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.w3id.copgraph.Problem;

/**
 * Bearer tokens and their roles. Only SHA-256 hashes are kept, in memory and in the tokens file
 * (one {@code role name sha256:hex} line each), so the file does not give tokens away.
 * {@code COPGRAPH_CURATOR_TOKEN} and {@code COPGRAPH_ADMIN_TOKEN} each add one token, for
 * development and tests.
 *
 * <p>The file is read again whenever it changed since it was last read (its modification time is
 * looked at on each use): a token issued by {@code copgraph token}, or by another server given the
 * same file (several fronts of one store), works at once, and a line deleted revokes its token
 * without a restart.
 */
public final class Tokens {

    public record Entry(Role role, String name, String hash) {
    }

    private final List<Entry> fromEnv = new CopyOnWriteArrayList<>();
    private final Path file;
    private volatile List<Entry> fromFile = List.of();
    /** The modification time of the file when it was read; null when it did not exist. */
    private volatile java.nio.file.attribute.FileTime fileRead;

    private Tokens(Path file) {
        this.file = file;
    }

    /** Tokens from {@code file} (may be null) and from the environment. */
    public static Tokens load(Path file, Map<String, String> env) {
        Tokens t = new Tokens(file);
        t.readFileIfChanged();
        addEnv(t, env.get("COPGRAPH_CURATOR_TOKEN"), Role.CURATOR, "env-curator");
        addEnv(t, env.get("COPGRAPH_ADMIN_TOKEN"), Role.ADMIN, "env-admin");
        return t;
    }

    private static void addEnv(Tokens t, String token, Role role, String name) {
        if (token != null && !token.isBlank()) {
            t.fromEnv.add(new Entry(role, name, hash(token.strip())));
        }
    }

    /** Every entry: the file's as it is now, then the environment's. */
    private List<Entry> entries() {
        readFileIfChanged();
        List<Entry> all = new ArrayList<>(fromFile);
        all.addAll(fromEnv);
        return all;
    }

    private synchronized void readFileIfChanged() {
        if (file == null) {
            return;
        }
        try {
            java.nio.file.attribute.FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (java.util.Objects.equals(modified, fileRead) && (modified != null || fromFile.isEmpty())) {
                return;
            }
            List<Entry> read = new ArrayList<>();
            if (modified != null) {
                int n = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    n++;
                    String s = line.strip();
                    if (s.isEmpty() || s.startsWith("#")) {
                        continue;
                    }
                    String[] f = s.split("\\s+");
                    if (f.length != 3 || !f[2].startsWith("sha256:")) {
                        throw Problem.badRequest("bad-tokens-file", file + " line " + n
                                + ": expected 'ROLE NAME sha256:HEX' (create entries with `copgraph token`).");
                    }
                    read.add(new Entry(role(f[0]), f[1], f[2].substring(7)));
                }
            }
            fromFile = List.copyOf(read);
            fileRead = modified;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The caller a bearer token stands for; no token is the anonymous reader. A token that is not
     * valid is a 401, as RFC 6750 has it (the client must get another token); a 403 is for a valid
     * token whose role is not enough.
     */
    public Caller authenticate(String token) {
        if (token == null) {
            return Caller.ANONYMOUS;
        }
        byte[] h = hash(token).getBytes(StandardCharsets.US_ASCII);
        for (Entry e : entries()) {
            if (MessageDigest.isEqual(h, e.hash().getBytes(StandardCharsets.US_ASCII))) {
                return new Caller(e.name(), e.role());
            }
        }
        throw new Problem(Problem.Kind.UNAUTHORIZED, "bad-token", "This token is not valid. Ask an admin for a token,"
                + " and send it as 'Authorization: Bearer TOKEN'.");
    }

    /** Issues a new token, keeps its hash (in the file, if there is one) and returns it once. */
    public String issue(Role role, String name) {
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw Problem.badRequest("bad-token-name", "A token name is 1-64 letters, digits or . _ @ -; got '" + name + "'.");
        }
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Entry e = new Entry(role, name, hash(token));
        if (file != null) {
            synchronized (this) {
                try {
                    Files.writeString(file, role.name().toLowerCase(Locale.ROOT) + " " + name + " sha256:" + e.hash() + "\n",
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                // Known at once, even where the file's time stamp is too coarse to tell this write from the last read.
                List<Entry> now = new ArrayList<>(fromFile);
                now.add(e);
                fromFile = List.copyOf(now);
            }
        } else {
            fromEnv.add(e);
        }
        return token;
    }

    /** Who holds tokens (names and roles, never hashes). */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        entries().forEach(e -> out.add(new Entry(e.role(), e.name(), "")));
        return out;
    }

    static Role role(String s) {
        try {
            return Role.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("bad-role", "Unknown role '" + s + "': use public, curator or admin.");
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
