package org.w3id.copgraph.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * A proposal form as computed from the shapes: its fieldsets (sh:PropertyGroup) and fields, with
 * the values to show (the current data for a change, the values typed after an error) and the
 * messages next to the fields that broke the shapes.
 *
 * @param name        the form name ({@code cop}, {@code practice}, ...)
 * @param title       the page heading
 * @param action      where the form posts
 * @param target      the IRI a change is about; null for something new
 * @param targetPath  that IRI's page on the serving host; null for something new
 * @param groups      the fieldsets of the data, in sh:order
 * @param about       the proposer's own fields (name, contact, note): not data, never published but the name
 * @param errors      every field message, for the summary at the top (each links to its field)
 * @param honeypot    the name of the field people leave empty and spam robots fill
 */
public record FormView(String name, String title, String intro, String action, String target, String targetPath,
                       List<Group> groups, Group about, List<ErrorLink> errors, String honeypot,
                       List<Option> languages) {

    public boolean isChange() {
        return target != null;
    }

    public record Group(String id, String label, List<Field> fields) {
    }

    /**
     * One field. {@code values} are what it holds now; {@link #rows()} the inputs to show for
     * text-like kinds (the values and room for one more when it is repeatable).
     */
    public record Field(String key, String label, String help, InputKind kind, boolean languageTagged,
                        boolean required, boolean repeatable, Integer maxLength, String pattern, String message,
                        List<Option> options, List<Value> values, List<String> errors) {

        public String id() {
            return "f-" + key;
        }

        public String helpId() {
            return help == null ? null : id() + "-help";
        }

        public String errorId() {
            return errors.isEmpty() ? null : id() + "-error";
        }

        /** The ids of the help and the error message, for aria-describedby; null when there are none. */
        public String describedBy() {
            String d = ((helpId() == null ? "" : helpId()) + " " + (errorId() == null ? "" : errorId())).strip();
            return d.isEmpty() ? null : d;
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** The id of the first input, where the label and the error summary point. */
        public String firstInputId() {
            return kind.isChoice() || kind == InputKind.BOOLEAN ? id() : id() + "-0";
        }

        /** The text inputs to show: every value, and for a repeatable field one empty more. */
        public List<Value> rows() {
            List<Value> rows = new ArrayList<>(values);
            if (rows.isEmpty() || repeatable) {
                rows.add(new Value("", languageTagged ? "en" : ""));
            }
            // Without scripts no box can be added: an optional short list (other names, languages) offers two.
            if (repeatable && !required && kind == InputKind.TEXT && rows.size() < 2) {
                rows.add(new Value("", languageTagged ? "en" : ""));
            }
            return rows;
        }

        /** The value when it is one (a yes/no field's answer). */
        public String single() {
            return values.isEmpty() ? "" : values.get(0).text();
        }
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** A value as typed or as in the data: its text (a literal's lexical form or an IRI) and language tag. */
    public record Value(String text, String lang) {
    }

    /** One message of the summary, linking to its field. */
    public record ErrorLink(String inputId, String label, String message) {
    }
}
