package org.w3id.copgraph.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import io.javalin.http.Context;

/**
 * Renders the jte templates of src/main/jte. They are compiled to classes at build time
 * (jte-maven-plugin), so nothing is compiled at start-up or on a first visit; output is
 * HTML-escaped unless a template says otherwise.
 */
final class Pages {

    /** Where jte-maven-plugin puts the template classes (its {@code packageName} in pom.xml). */
    static final String PACKAGE = "org.w3id.copgraph.web.templates";

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), PACKAGE);

    private Pages() {
    }

    /** The page of {@code template} (a path under src/main/jte without {@code .jte}) showing {@code model}. */
    static String render(String template, Object model) {
        StringOutput out = new StringOutput(8192);
        ENGINE.render(template + ".jte", model, out);
        return out.toString();
    }

    /** A page of a template with several parameters, by name (a null value is the template's default). */
    static void html(Context ctx, String template, java.util.Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        ENGINE.render(template + ".jte", params, out);
        ctx.html(out.toString());
    }

    /** Answers with the page: {@code text/html; charset=utf-8}. */
    static void html(Context ctx, String template, Object model) {
        ctx.html(render(template, model));
    }
}
