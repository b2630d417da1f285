package org.w3id.copgraph.web;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.store.Backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code /api/admin/...}: backup, restore and tokens, for admins only. */
final class AdminRoutes {

    private final Copgraph cg;

    AdminRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void backup(Context ctx) throws java.io.IOException {
        Curation.require(Auth.caller(ctx, cg.tokens()), Role.ADMIN);
        ctx.contentType("application/gzip");
        ctx.header("Content-Disposition", "attachment; filename=\"copgraph-backup.nq.gz\"");
        Backup.write(cg.store(), ctx.outputStream());
    }

    /**
     * {@code POST /api/admin/restore[?force=true]}: the body is a backup; it is verified whole
     * before the store is touched, then restored through the one write path. {@code force} lets an
     * admin restore data that breaks the shapes, or an old backup without a checksum.
     */
    void restore(Context ctx) {
        Caller caller = Auth.caller(ctx, cg.tokens());
        Curation.require(caller, Role.ADMIN);
        boolean force = forceParam(ctx);
        Backup.Contents backup = Backup.read(new ByteArrayInputStream(ctx.bodyAsBytes()), force);
        ChangeRecord r = cg.curation().restore(caller, backup.data(), force);
        // Every resource may change in a restore: the answer counts statements instead of listing them.
        Map<String, Object> body = WriteRoutes.changeBody(r);
        body.put("restored", backup.statements());
        body.put("checksum", backup.checksummed());
        ctx.json(body);
    }

    private static boolean forceParam(Context ctx) {
        String force = ctx.queryParam("force");
        if (force == null || force.equals("false")) {
            return false;
        }
        if (force.equals("true")) {
            return true;
        }
        throw Problem.badRequest("bad-parameter", "Parameter 'force' must be true or false; got '" + force + "'.");
    }

    void listTokens(Context ctx) {
        Curation.require(Auth.caller(ctx, cg.tokens()), Role.ADMIN);
        List<Map<String, String>> out = cg.tokens().list().stream()
                .map(e -> Map.of("name", e.name(), "role", e.role().name().toLowerCase(Locale.ROOT))).toList();
        ctx.json(out);
    }

    void issueToken(Context ctx) {
        Curation.require(Auth.caller(ctx, cg.tokens()), Role.ADMIN);
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(ctx.body());
        } catch (java.io.IOException e) {
            throw Problem.badRequest("bad-json", "Send JSON: {\"name\": \"alice\", \"role\": \"curator\"}.");
        }
        if (body == null || !body.hasNonNull("name") || !body.hasNonNull("role")) {
            throw Problem.badRequest("bad-json", "Send JSON: {\"name\": \"alice\", \"role\": \"curator\"}.");
        }
        Role role = switch (body.get("role").asText().toLowerCase(Locale.ROOT)) {
            case "curator" -> Role.CURATOR;
            case "admin" -> Role.ADMIN;
            default -> throw Problem.badRequest("bad-role", "A token's role is curator or admin.");
        };
        String token = cg.tokens().issue(role, body.get("name").asText());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", 201);
        out.put("name", body.get("name").asText());
        out.put("role", role.name().toLowerCase(Locale.ROOT));
        out.put("token", token);
        ctx.status(201).json(out);
    }
}
