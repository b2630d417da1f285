package org.w3id.copgraph.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.forms.Forms;
import org.w3id.copgraph.proposals.OwnerLinks;
import org.w3id.copgraph.proposals.Proposal;
import org.w3id.copgraph.proposals.ProposalInput;
import org.w3id.copgraph.proposals.ProposalService;
import org.w3id.copgraph.proposals.Status;
import org.w3id.copgraph.proposals.StatusView;
import org.w3id.copgraph.store.JsonLdContexts;
import org.w3id.copgraph.store.RdfFiles;

/**
 * Proposals over HTTP: {@code POST /api/proposals} (Turtle, JSON-LD, or a form), the status
 * address {@code /api/proposals/{id}}, the curators' list and their accept and reject, and owner
 * links ({@code /api/cops/{slug}/owner-link}, {@code /owner/{token}}). What can be refused without
 * reading a proposal's body (a cross-site form, a client sending too fast, a body too large) is
 * refused by {@link #intake} before it is read.
 */
final class ProposalRoutes {

    /** The CORS-simple content types: what a page on another site can make a browser post without asking. */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");
    /** The form field no person fills in (it is hidden from them); a bot that fills every field does. */
    static final String HONEYPOT = Forms.HONEYPOT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Copgraph cg;
    private final ProposalService proposals;
    private final OwnerLinks owners;
    private final Sessions sessions;
    private final JsonLdContexts contexts;

    ProposalRoutes(Copgraph cg, Sessions sessions) {
        this.cg = cg;
        this.proposals = cg.proposals();
        this.owners = cg.ownerLinks();
        this.sessions = sessions;
        this.contexts = JsonLdContexts.copgraph(cg.settings().iris(), cg.settings().home().ontology().resolve("context.jsonld"));
    }

    /**
     * Before {@code POST /api/proposals} is read: a form post must come from a page of this site
     * (Origin, else Referer; a cookie's posts are checked by {@link Sessions} already, this covers
     * anonymous ones), the client must have proposals left (429 with Retry-After), and a declared
     * body must be within the size cap (413).
     */
    void intake(Context ctx) {
        if (Auth.isSafe(ctx)) {
            return;
        }
        if (FORM_TYPES.contains(mediaType(ctx)) && ctx.header("Authorization") == null) {
            SameOrigin.require(ctx, cg.publicUrl());
        }
        proposals.checkRate(ctx.ip());
        long length = ctx.req().getContentLengthLong();
        if (length > proposals.settings().maxBytes()) {
            throw tooLarge();
        }
    }

    /** {@code POST /api/proposals}: 202 with the status address. */
    void submit(Context ctx) {
        Caller who = Auth.caller(ctx, cg.tokens());
        String type = mediaType(ctx);
        ProposalInput in;
        boolean fromForm;
        if (type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data")) {
            in = fromForm(ctx.formParamMap());
            fromForm = true;
        } else {
            in = fromRdf(ctx, type);
            fromForm = false;
        }
        Proposal p = proposals.submit(in, who, ctx.ip());
        ctx.status(HttpStatus.ACCEPTED);
        ctx.header("Location", p.statusPath());
        ctx.header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        // A form is a person at a browser unless the client asks for JSON and not for a page.
        if (Negotiation.wantsHtml(accept) || fromForm && !Negotiation.acceptsJson(accept)) {
            Pages.html(ctx, "proposal", statusPage(ctx, p, true));
        } else {
            Map<String, Object> body = body(p, false);
            body.put("status", 202);
            ctx.json(body);
        }
    }

    /** The proposer's page: the proposal's changes by their labels, as a curator sees them. */
    private StatusView statusPage(Context ctx, Proposal p, boolean justSubmitted) {
        var diff = cg.reviewDiff().diff(p.added(), p.removed(), p.target(), ReviewRoutes.language(ctx), p.pending());
        return StatusView.of(p, cg.settings().iris(), justSubmitted, diff);
    }

    /** {@code GET /api/proposals/{id}}: where the proposal stands; the contact only for curators. */
    void status(Context ctx) {
        String id = ctx.pathParam("id");
        Proposal p = proposals.get(id).orElseThrow(() -> Problem.notFound("no-such-proposal", "There is no proposal '" + id
                + "'. Check the address you were given when you sent it."));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Vary", "Accept");
        if (Negotiation.wantsHtml(ctx.header("Accept"))) {
            Pages.html(ctx, "proposal", statusPage(ctx, p, false));
        } else {
            Caller who = Auth.caller(ctx, cg.tokens());
            ctx.json(body(p, who.role().allows(Role.CURATOR)));
        }
    }

    /** {@code GET /api/proposals?status=pending}: the curators' list (a browser is sent to the review queue). */
    void list(Context ctx) {
        Caller who = Auth.caller(ctx, cg.tokens());
        Curation.require(who, Role.CURATOR);
        if (Negotiation.wantsHtml(ctx.header("Accept"))) {
            ctx.redirect("/review", HttpStatus.SEE_OTHER);
            return;
        }
        String s = ctx.queryParam("status");
        Status status = Status.parse(s);
        if (s != null && !s.isBlank() && !s.equals("all") && status == null) {
            throw Problem.badRequest("bad-parameter", "Parameter 'status' must be pending, accepted, rejected or all; got '" + s + "'.");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("proposals", proposals.list(status).stream().map(p -> summary(p)).toList()));
    }

    /** {@code POST /api/proposals/{id}/accept} (a curator, checked before this runs). */
    void accept(Context ctx) {
        String id = ctx.pathParam("id");
        ChangeRecord r = proposals.accept(id, Auth.caller(ctx), comment(ctx));
        if (fromBrowserForm(ctx)) {
            ctx.redirect("/review/" + id, HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> body = WriteRoutes.changeBody(r);
        body.put("proposal", proposals.get(id).map(p -> summary(p)).orElse(null));
        body.put("credits", r.credits().stream().map(c -> Map.of("name", c.name(), "role", c.role())).toList());
        ctx.json(body);
    }

    /** {@code POST /api/proposals/{id}/reject} (a curator, checked before this runs). */
    void reject(Context ctx) {
        String id = ctx.pathParam("id");
        Proposal p = proposals.reject(id, Auth.caller(ctx), comment(ctx));
        if (fromBrowserForm(ctx)) {
            ctx.redirect("/review/" + id, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.json(body(p, true));
    }

    /** {@code POST /api/cops/{slug}/owner-link} (a curator): a new owner link, shown this once. */
    void createOwnerLink(Context ctx) {
        String cop = owners.copIri(ctx.pathParam("slug"));
        OwnerLinks.Issued link = owners.create(cop, Auth.caller(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 201);
        body.put("cop", link.cop());
        body.put("owner", link.name());
        body.put("token", link.token());
        body.put("link", cg.publicUrl().of(link.path()));
        body.put("note", "Shown this once: only its hash is kept. Send the link to " + link.name()
                + "; DELETE this address ends every owner link of the CoP.");
        ctx.status(HttpStatus.CREATED);
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }

    /** {@code DELETE /api/cops/{slug}/owner-link} (a curator): ends every owner link of the CoP. */
    void revokeOwnerLinks(Context ctx) {
        String cop = owners.copIri(ctx.pathParam("slug"));
        int n = owners.revoke(cop, Auth.caller(ctx));
        ctx.json(Map.of("status", 200, "cop", cop, "revoked", n));
    }

    /** {@code GET /owner/{token}}: signs the owner in (a session cookie) and takes them to their CoP. */
    void ownerSignIn(Context ctx) {
        // The token is in this address: it must not travel on as a Referer, nor be kept by a cache.
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        Caller owner = owners.signIn(ctx.pathParam("token")).orElseThrow(() -> Problem.notFound("no-such-owner-link",
                "This owner link is not valid: it was mistyped or has been revoked. Ask a curator for a new one."));
        sessions.signIn(ctx, owner);
        String page = cg.settings().iris().pathOf(owner.scope());
        ctx.redirect(page != null ? page : "/", HttpStatus.SEE_OTHER);
    }

    private ProposalInput fromForm(Map<String, List<String>> fields) {
        String honeypot = first(fields, HONEYPOT);
        if (honeypot != null && !honeypot.isBlank()) {
            // Said plainly but briefly: a person never sees the field; a bot learns nothing it can use.
            throw Problem.badRequest("refused", "The proposal was not taken.");
        }
        String form = first(fields, Forms.FORM);
        String target = first(fields, Forms.TARGET);
        if (form != null && !form.isBlank()) {
            // The forms generated from the shapes (forms.Forms): fields -> statements, or a 422 with the messages.
            ProposalInput in = cg.forms().read(form.strip(), fields, target == null || target.isBlank() ? null : target.strip());
            String kind = first(fields, "kind");
            // A form can only propose a new resource or a change; a removal comes with the kind and a reason.
            return kind != null && kind.strip().equals(Proposal.REMOVE)
                    ? new ProposalInput(Proposal.REMOVE, in.target(), in.description(), in.proposerName(), in.proposerContact(), in.note())
                    : in;
        }
        // A plain form carrying the statements themselves, as Turtle in the field 'data'.
        String data = first(fields, "data");
        Graph description = data == null || data.isBlank() ? GraphFactory.createDefaultGraph()
                : parse(data.getBytes(StandardCharsets.UTF_8), Lang.TURTLE);
        return new ProposalInput(first(fields, "kind"), target, description, or(first(fields, Forms.PROPOSER_NAME), first(fields, "name")),
                or(first(fields, Forms.PROPOSER_CONTACT), first(fields, "contact")), first(fields, Forms.NOTE));
    }

    private ProposalInput fromRdf(Context ctx, String type) {
        Lang lang = type.isEmpty() ? null : RDFLanguages.contentTypeToLang(type);
        if (lang == null || !(RDFLanguages.sameLang(lang, Lang.TURTLE) || RDFLanguages.sameLang(lang, Lang.JSONLD)
                || RDFLanguages.sameLang(lang, Lang.NTRIPLES))) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send a proposal as text/turtle,"
                    + " application/ld+json or application/n-triples with ?kind=new|change|remove&target=IRI&name=YOUR-NAME"
                    + " (and optionally contact= and note=), or as the fields of the proposal form.");
        }
        Graph description = parse(readCapped(ctx), lang);
        return new ProposalInput(ctx.queryParam("kind"), ctx.queryParam("target"), description, ctx.queryParam("name"),
                ctx.queryParam("contact"), ctx.queryParam("note"));
    }

    /** The body, read up to the size cap: a chunked body that goes past it is a 413 without reading the rest. */
    private byte[] readCapped(Context ctx) {
        long max = proposals.settings().maxBytes();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Graph parse(byte[] bytes, Lang lang) {
        DatasetGraph d = DatasetGraphFactory.create();
        Node tmp = NodeFactory.createURI("urn:copgraph:proposal");
        // The same reader as uploads: no remote JSON-LD contexts, copgraph's own context known locally.
        RdfFiles.read(d, new ByteArrayInputStream(bytes), lang, "the proposal", tmp, cg.settings().iris(),
                contexts.alsoAt(cg.publicUrl().of(LinkedDataRoutes.CONTEXT_PATH)));
        return d.getGraph(tmp);
    }

    private Problem tooLarge() {
        return new Problem(Problem.Kind.PAYLOAD_TOO_LARGE, "proposal-too-large", "A proposal may be at most "
                + proposals.settings().maxBytes() + " bytes. Split it into smaller proposals.");
    }

    /** The reviewer's comment: a form field, a JSON body's "comment", or ?comment=. */
    private static String comment(Context ctx) {
        String type = mediaType(ctx);
        if (type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data")) {
            return ctx.formParam("comment");
        }
        if (type.equals("application/json")) {
            byte[] body = ctx.bodyAsBytes();
            if (body.length == 0) {
                return null;
            }
            try {
                JsonNode n = JSON.readTree(body);
                JsonNode c = n == null ? null : n.get("comment");
                return c == null || c.isNull() ? null : c.asText();
            } catch (IOException e) {
                throw Problem.badRequest("bad-json", "The body is not JSON: send {\"comment\": \"...\"}.");
            }
        }
        return ctx.queryParam("comment");
    }

    /** A browser's form post (the review page's buttons): answered with the page to go back to. */
    private static boolean fromBrowserForm(Context ctx) {
        String type = mediaType(ctx);
        return (type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data"))
                && !Negotiation.acceptsJson(ctx.header("Accept"));
    }

    /** A proposal as JSON: all of it but the contact, which only curators see. */
    private Map<String, Object> body(Proposal p, boolean withContact) {
        Map<String, Object> body = summary(p);
        if (withContact && p.contact() != null) {
            body.put("contact", p.contact());
        }
        body.put("note", p.note());
        body.put("comment", p.comment());
        body.put("added", StatusView.of(p, cg.settings().iris(), false).added());
        body.put("removed", StatusView.of(p, cg.settings().iris(), false).removed());
        return body;
    }

    private static Map<String, Object> summary(Proposal p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("state", p.status().label());
        body.put("kind", p.kind());
        body.put("target", p.target());
        body.put("proposer", p.proposer());
        body.put("submitted", p.submitted().toString());
        body.put("statementsAdded", p.added().size());
        body.put("statementsRemoved", p.removed().size());
        body.put("reviewer", p.reviewer());
        body.put("decided", p.decided() == null ? null : p.decided().toString());
        body.put("change", p.change());
        body.put("graph", p.graph());
        body.put("owner", p.owner());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", p.statusPath());
        links.put("review", "/review/" + p.id());
        if (p.graph() != null) {
            links.put("graph", "/graph/proposal/" + p.id());
        }
        body.put("links", links);
        return body;
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The media type of the body, lower case, without parameters; "" when there is none. */
    private static String mediaType(Context ctx) {
        String t = ctx.header("Content-Type");
        if (t == null) {
            return "";
        }
        int semi = t.indexOf(';');
        return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
