package org.w3id.copgraph.web;

import io.javalin.http.Context;

import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Tokens;

/** Reads the caller from {@code Authorization: Bearer TOKEN}; no header means the anonymous reader. */
final class Auth {

    private Auth() {
    }

    static Caller caller(Context ctx, Tokens tokens) {
        String h = ctx.header("Authorization");
        if (h == null || h.isBlank()) {
            return Caller.ANONYMOUS;
        }
        String[] parts = h.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new Problem(Problem.Kind.UNAUTHORIZED, "bad-authorization",
                    "Send a token as 'Authorization: Bearer TOKEN'.");
        }
        return tokens.authenticate(parts[1].strip());
    }
}
