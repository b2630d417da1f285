package org.w3id.copgraph.view;

import java.util.List;

import org.w3id.copgraph.forms.FormKind;

/**
 * {@code /propose}: the forms there are, each with what it proposes and a sentence.
 *
 * @param forms one entry per form, in the order they are listed
 */
public record ProposeView(List<Entry> forms) {

    public record Entry(String name, String path, String what, String sentence) {
    }

    public static ProposeView of(List<FormKind> kinds) {
        return new ProposeView(kinds.stream()
                .map(k -> new Entry(k.formName, "/propose/" + k.formName, k.what, k.sentence)).toList());
    }

    /**
     * What a proposer sees once a proposal is in: its status address to follow, and what it is about.
     *
     * @param targetPath the resource's page on the serving host (for a new one, where it will be once published)
     * @param pending    false when it was applied at once (an owner's edit the server trusts)
     */
    public record Sent(String id, String statusPath, String kind, String target, String targetPath, boolean pending) {
    }
}
