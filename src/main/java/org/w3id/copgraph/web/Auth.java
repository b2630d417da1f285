package org.w3id.copgraph.web;

import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.curation.Tokens;

/**
 * Who is calling, from {@code Authorization: Bearer TOKEN}, checked by one before-handler per
 * group of routes. The check runs before any handler, so a request without the role is answered
 * 401 or 403 before its body is read, let alone parsed: what it sent costs nothing and cannot
 * reach a parser (or make it fetch a URL). The handler takes the caller with {@link #caller(Context)}.
 */
final class Auth {

    private static final String CALLER = "copgraph.caller";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private Auth() {
    }

    /** A before-handler: every request to the group needs {@code role} (for groups that are all protected, like admin). */
    static Handler requires(Role role, Tokens tokens) {
        return ctx -> authenticate(ctx, role, tokens);
    }

    /** A before-handler: the group's reads (GET, HEAD) are open; every other method needs {@code role}. */
    static Handler writesRequire(Role role, Tokens tokens) {
        return ctx -> {
            if (!SAFE_METHODS.contains(ctx.method().name())) {
                authenticate(ctx, role, tokens);
            }
        };
    }

    /**
     * A before-handler for a write whose permission depends on what it is about (an owner may
     * confirm their own CoP): {@code check} throws the 401/403, before the body is read.
     */
    static Handler checks(Tokens tokens, java.util.function.BiConsumer<Context, Caller> check) {
        return ctx -> {
            Caller c = fromHeader(ctx.header("Authorization"), tokens);
            check.accept(ctx, c);
            ctx.attribute(CALLER, c);
        };
    }

    /** The caller the group's before-handler let through. */
    static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) {
            // A route that needs a caller was declared outside a protected group: a wiring bug, never the client's fault.
            throw new IllegalStateException("No authenticated caller for " + ctx.method() + " " + ctx.path());
        }
        return c;
    }

    /** The group's caller when a before-handler set one; otherwise the caller the header names. */
    static Caller caller(Context ctx, Tokens tokens) {
        Caller c = ctx.attribute(CALLER);
        return c != null ? c : fromHeader(ctx.header("Authorization"), tokens);
    }

    private static void authenticate(Context ctx, Role role, Tokens tokens) {
        Caller c = fromHeader(ctx.header("Authorization"), tokens);
        Curation.require(c, role);
        ctx.attribute(CALLER, c);
    }

    /** No header is the anonymous reader; a header that is not {@code Bearer TOKEN}, or an unknown token, a 401. */
    static Caller fromHeader(String header, Tokens tokens) {
        if (header == null || header.isBlank()) {
            return Caller.ANONYMOUS;
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
            throw new Problem(Problem.Kind.UNAUTHORIZED, "bad-authorization",
                    "Send a token as 'Authorization: Bearer TOKEN'.");
        }
        return tokens.authenticate(parts[1].strip());
    }
}
