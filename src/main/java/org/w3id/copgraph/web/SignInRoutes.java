package org.w3id.copgraph.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.view.SignInView;

/**
 * {@code /sign-in} and {@code /sign-out}: a browser signs in with the same token an API client
 * sends as {@code Authorization: Bearer}, typed into a form (no JavaScript needed), and gets a
 * session (see {@link Sessions}). Failed attempts are counted per client address: after
 * {@link #MAX_FAILURES} in {@link #FAILURE_WINDOW} the client waits, so tokens cannot be guessed
 * at speed (they are 256-bit random, so this mostly keeps the log and the CPU quiet).
 */
final class SignInRoutes {

    static final String PATH = "/sign-in";
    static final int MAX_FAILURES = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);
    private static final int MAX_TOKEN_LENGTH = 512;

    private final Copgraph cg;
    private final Sessions sessions;
    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .expireAfterWrite(FAILURE_WINDOW)
            .maximumSize(100_000)
            .build();

    SignInRoutes(Copgraph cg, Sessions sessions) {
        this.cg = cg;
        this.sessions = sessions;
    }

    /** The sign-in page's address that brings the browser back to {@code path} afterwards. */
    static String address(String path) {
        return PATH + "?return=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    void page(Context ctx) {
        Pages.html(ctx, "sign-in", new SignInView(returnTo(ctx.queryParam("return")), null, SignedIn.name()));
    }

    void signIn(Context ctx) {
        SameOrigin.require(ctx, cg.publicUrl());
        String client = ctx.ip();
        AtomicInteger failed = failures.getIfPresent(client);
        if (failed != null && failed.get() >= MAX_FAILURES) {
            ctx.header("Retry-After", String.valueOf(FAILURE_WINDOW.toSeconds()));
            throw new Problem(Problem.Kind.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many failed sign-ins from here;"
                    + " try again in " + FAILURE_WINDOW.toMinutes() + " minutes, with the token an admin gave you.");
        }
        String back = returnTo(ctx.formParam("return"));
        String token = ctx.formParam("token");
        token = token == null ? "" : token.strip();
        Caller who;
        try {
            if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
                throw new Problem(Problem.Kind.UNAUTHORIZED, "bad-token", "Enter the token an admin gave you.");
            }
            who = cg.tokens().authenticate(token);
        } catch (Problem p) {
            if (p.status() != 401) {
                throw p;
            }
            failures.get(client, k -> new AtomicInteger()).incrementAndGet();
            if (!Negotiation.wantsHtml(ctx.header("Accept"))) {
                throw p;
            }
            ctx.status(HttpStatus.UNAUTHORIZED);
            Pages.html(ctx, "sign-in", new SignInView(back, token.isEmpty() ? p.getMessage()
                    : "This token is not valid. Check that it was copied whole, or ask an admin for a new one.", null));
            return;
        }
        sessions.signIn(ctx, who);
        String target = back != null ? back : who.role().allows(Role.CURATOR) ? "/review" : "/";
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        // The same-origin check ran in Sessions.attach when the request carries the cookie; without it there is nothing to end.
        sessions.signOut(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /**
     * Where to go after signing in: a path on this site only (never {@code //other.site} or
     * {@code /\other.site}, which browsers read as another host), else null.
     */
    static String returnTo(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 2000 || !raw.startsWith("/") || raw.startsWith("//")
                || raw.startsWith("/\\")) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return null;
            }
        }
        return raw;
    }
}
