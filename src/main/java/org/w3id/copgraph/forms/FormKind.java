package org.w3id.copgraph.forms;

import java.util.Arrays;
import java.util.Optional;

import org.w3id.copgraph.model.Cop;

/**
 * The forms one can propose with: which class each describes (its fields come from the shapes of
 * that class and its superclasses), under which kind new IRIs are minted, and a sentence for the
 * list at /propose. Nothing here says which fields a form has: that is the shapes' business.
 */
public enum FormKind {
    COP("cop", Cop.CommunityOfPractice, "cop", "a Community of Practice",
            "Put a Community of Practice on the map: its name, domains, practices and tools, who hosts it, where and how it meets."),
    PRACTICE("practice", Cop.Practice, "practice", "a practice",
            "Add a method, story, guide or resource that a community has in its repertoire."),
    TOOL("tool", Cop.NS + "Tool", "tool", "a tool",
            "Add a tool communities use, such as a video-conferencing or whiteboard application."),
    EVENT("event", "http://schema.org/Event", "event", "an event",
            "Add a meeting, session, assembly or market: when and where it is held and who takes part."),
    OFFER("offer", Cop.NS + "Offer", "offer", "an offer",
            "Say what a Community of Practice can offer others: help, experience or a practice to share."),
    NEED("need", Cop.NS + "Need", "need", "a need",
            "Say what a Community of Practice is looking for from others."),
    STORY("story", Cop.CrossPollination, "cross-pollination", "a story of what moved between CoPs",
            "Tell how a practice, tool, method or idea moved from one community to another, and on what evidence."),
    VALUE_STORY("value-story", Cop.NS + "ValueCreationStory", "value-story", "a value-creation story",
            "Tell what value learning together created for communities and people: in which cycles (immediate, potential, applied, realised, transformative), what shows it, and who tells it.");

    /** The name in addresses: {@code /propose/{name}}. */
    public final String formName;
    /** The class a new resource of this form is an instance of. */
    public final String classIri;
    /** The {@code {kind}} of {@code {base}id/{kind}/{slug}} for new resources. */
    public final String iriKind;
    /** What it proposes, after "Propose ...". */
    public final String what;
    public final String sentence;

    FormKind(String formName, String classIri, String iriKind, String what, String sentence) {
        this.formName = formName;
        this.classIri = classIri;
        this.iriKind = iriKind;
        this.what = what;
        this.sentence = sentence;
    }

    /**
     * Where to propose a change to the resource at {@code path} ({@code /id/{kind}/{slug}}) when
     * a form covers its kind: {@code /cops/{slug}/edit} for a CoP, {@code /propose/{form}?target=...}
     * for the others; null when none does.
     */
    public static String changePath(String path) {
        if (path == null || !path.matches("/id/[a-z-]+/[^/?#]+")) {
            return null;
        }
        String[] parts = path.split("/");
        return Arrays.stream(values()).filter(k -> k.iriKind.equals(parts[2])).findFirst()
                .map(k -> k == COP ? "/cops/" + parts[3] + "/edit"
                        : "/propose/" + k.formName + "?target=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8))
                .orElse(null);
    }

    public static Optional<FormKind> named(String name) {
        return Arrays.stream(values()).filter(k -> k.formName.equals(name)).findFirst();
    }
}
