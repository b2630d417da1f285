package org.w3id.copgraph.view;

import java.util.List;

/**
 * An error as a person reads it: the status, the short code, the message (its lines), and
 * where to go from here.
 */
public record ErrorView(int status, String code, List<String> lines, List<Link> ways) {

    public static ErrorView of(int status, String code, String message) {
        return new ErrorView(status, code, List.of(message.split("\n")), List.of(Link.to("/", "the home page")));
    }

    public String title() {
        return "Error " + status;
    }
}
