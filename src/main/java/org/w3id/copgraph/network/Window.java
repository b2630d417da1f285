package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.w3id.copgraph.Problem;

/**
 * A time window for dated links ({@code from}/{@code until}, both inclusive, either open).
 * Undated links are always inside: the sources rarely date a tie, and leaving them out would
 * empty the timeline.
 */
public record Window(LocalDate from, LocalDate until) {

    public static final Window ALWAYS = new Window(null, null);

    public Window {
        if (from != null && until != null && from.isAfter(until)) {
            throw Problem.badRequest("bad-parameter", "'from' (" + from + ") is after 'until' (" + until + ").");
        }
    }

    public static Window of(String from, String until) {
        return new Window(date("from", from), date("until", until));
    }

    public boolean contains(LocalDate date) {
        return date == null || (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
    }

    public boolean isAlways() {
        return from == null && until == null;
    }

    private static LocalDate date(String param, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.matches("\\d{4}")) {
                return param.equals("until") ? LocalDate.of(Integer.parseInt(v), 12, 31) : LocalDate.of(Integer.parseInt(v), 1, 1);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' must be a date as YYYY-MM-DD or a year YYYY; got '" + value + "'.");
        }
    }
}
