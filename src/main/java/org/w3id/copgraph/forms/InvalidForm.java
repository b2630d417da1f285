package org.w3id.copgraph.forms;

import java.util.stream.Collectors;

import org.w3id.copgraph.Problem;

/**
 * Form input that breaks the shapes: a 422 whose {@link #view()} is the form again, with the
 * values as typed and each field's messages next to it (a browser gets that form back; an API
 * client the messages).
 */
public final class InvalidForm extends Problem {

    private final transient FormView view;

    public InvalidForm(FormView view) {
        super(Kind.UNPROCESSABLE, "invalid-form", summary(view));
        this.view = view;
    }

    public FormView view() {
        return view;
    }

    private static String summary(FormView view) {
        return "The form has " + view.errors().size() + " problem(s): "
                + view.errors().stream().map(e -> e.label() + ": " + e.message()).collect(Collectors.joining(" "));
    }
}
