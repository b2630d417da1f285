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
 * Who is calling, from {@code Authorization: Bearer TOKEN} or else from the browser's session
 * cookie (see {@link Sessions}: a browser signed in at {@code /sign-in}), checked by one before-handler per
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
            if (!isSafe(ctx)) {
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
            Caller c = fromRequest(ctx, tokens);
            check.accept(ctx, c);
            ctx.attribute(CALLER, c);
        };
    }

    /**
     * A before-handler for pages that need {@code role} (the review pages): as {@link #requires},
     * but a browser that is not signed in (and sent no token) is sent to the sign-in page, which
     * brings it back here afterwards. API clients still get the 401.
     */
    static Handler pageRequires(Role role, Tokens tokens) {
        return ctx -> {
            Caller c = fromRequest(ctx, tokens);
            if (c.role() == Role.PUBLIC && c.scope() == null && ctx.header("Authorization") == null
                    && Negotiation.wantsHtml(ctx.header("Accept")) && isSafe(ctx)) {
                ctx.redirect(SignInRoutes.address(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())),
                        io.javalin.http.HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            if (c.scope() != null && !c.role().allows(role)) {
                // Signed in, as a CoP's owner: who they are is known, and it is not enough (not "sign in first").
                throw new Problem(Problem.Kind.FORBIDDEN, "forbidden", "You are signed in as the owner of one CoP ("
                        + c.name() + "); this page is for " + role.name().toLowerCase(java.util.Locale.ROOT) + "s.");
            }
            Curation.require(c, role);
            ctx.attribute(CALLER, c);
        };
    }

    /** GET, HEAD and OPTIONS: the methods that change nothing. */
    static boolean isSafe(Context ctx) {
        return SAFE_METHODS.contains(ctx.method().name());
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

    /** The group's caller when a before-handler set one; otherwise the caller the header or the session names. */
    static Caller caller(Context ctx, Tokens tokens) {
        Caller c = ctx.attribute(CALLER);
        return c != null ? c : fromRequest(ctx, tokens);
    }

    private static void authenticate(Context ctx, Role role, Tokens tokens) {
        Caller c = fromRequest(ctx, tokens);
        Curation.require(c, role);
        ctx.attribute(CALLER, c);
    }

    /**
     * The caller of a request: the bearer token when there is an Authorization header (a bad one
     * is a 401 even if a session is open: the client said who it is, wrongly), else the browser's
     * session, else the anonymous reader.
     */
    static Caller fromRequest(Context ctx, Tokens tokens) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            return fromHeader(header, tokens);
        }
        Caller session = Sessions.caller(ctx);
        return session != null ? session : Caller.ANONYMOUS;
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
