package org.w3id.copgraph.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.javalin.http.Context;

import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.model.PublicUrl;

/**
 * Browser sessions: after signing in with a token (at {@code /sign-in}, or by an owner link) a
 * browser holds a random 256-bit id in an HttpOnly, SameSite=Strict cookie, and the server maps
 * it to the caller. The map lives in memory only (a restart signs everyone out, which is fine for
 * a handful of curators and owners), is kept small, and forgets a session left idle for
 * {@link #IDLE}. The token itself never goes into the cookie, so a stolen cookie dies with the
 * session and a sign-out really ends it.
 */
public final class Sessions {

    static final String COOKIE = "copgraph-session";
    static final Duration IDLE = Duration.ofHours(8);
    private static final int MAX_SESSIONS = 10_000;
    private static final String CALLER = "copgraph.session-caller";

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Caller> sessions = Caffeine.newBuilder()
            .expireAfterAccess(IDLE)
            .maximumSize(MAX_SESSIONS)
            .build();
    private final Supplier<PublicUrl> publicUrl;

    Sessions(Supplier<PublicUrl> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * Signs the browser in as {@code who}: a new session (any session it had ends, so an id set
     * by someone else before sign-in is worth nothing after it) and its cookie on the response.
     */
    public void signIn(Context ctx, Caller who) {
        end(ctx);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        sessions.put(id, who);
        ctx.attribute(CALLER, who);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + secure());
    }

    /** Ends the browser's session, if any, and tells the browser to drop the cookie. */
    public void signOut(Context ctx) {
        end(ctx);
        ctx.attribute(CALLER, null);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure());
    }

    /**
     * A before-handler for every request: finds the caller of the request's session (for
     * {@link #caller(Context)} and the page header) and refuses a state-changing request that
     * carries the cookie unless it comes from a page of this site.
     */
    void attach(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isEmpty()) {
            SignedIn.set(null);
            return;
        }
        if (!Auth.isSafe(ctx)) {
            SameOrigin.require(ctx, publicUrl.get());
        }
        Caller who = sessions.getIfPresent(id);
        ctx.attribute(CALLER, who);
        SignedIn.set(who);
    }

    /** The caller the request's session cookie stands for, or null. */
    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    private void end(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            sessions.invalidate(id);
        }
    }

    private String secure() {
        PublicUrl url = publicUrl.get();
        return url != null && url.base().startsWith("https:") ? "; Secure" : "";
    }
}
