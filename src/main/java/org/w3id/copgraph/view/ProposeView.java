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
}
