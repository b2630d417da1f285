package org.w3id.copgraph.freshness;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** A period as people say it: P12M is "12 months", P1Y6M "1 year and 6 months", P0D "0 days". */
final class Periods {

    private Periods() {
    }

    static String words(Period p) {
        List<String> parts = new ArrayList<>();
        add(parts, p.getYears(), "year");
        add(parts, p.getMonths(), "month");
        add(parts, p.getDays(), "day");
        return parts.isEmpty() ? "0 days" : String.join(" and ", parts);
    }

    private static void add(List<String> parts, int n, String unit) {
        if (n != 0) {
            parts.add(n + " " + unit + (Math.abs(n) == 1 ? "" : "s"));
        }
    }
}
