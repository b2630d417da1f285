package org.w3id.copgraph.forms;

import java.util.List;

/**
 * The language picker of language-tagged fields: the official languages of the EU and a few
 * more spoken in the network, by BCP 47 code, each named in itself. Any well-formed tag is read;
 * these are the ones offered.
 */
final class Languages {

    private static final List<String[]> CODES = List.of(
            new String[] {"en", "English"}, new String[] {"it", "Italiano"}, new String[] {"de", "Deutsch"},
            new String[] {"fr", "Français"}, new String[] {"es", "Español"}, new String[] {"pt", "Português"},
            new String[] {"nl", "Nederlands"}, new String[] {"pl", "Polski"}, new String[] {"ca", "Català"},
            new String[] {"eu", "Euskara"}, new String[] {"ga", "Gaeilge"}, new String[] {"el", "Ελληνικά"},
            new String[] {"hu", "Magyar"}, new String[] {"ro", "Română"}, new String[] {"sv", "Svenska"},
            new String[] {"da", "Dansk"}, new String[] {"fi", "Suomi"}, new String[] {"cs", "Čeština"},
            new String[] {"sk", "Slovenčina"}, new String[] {"sl", "Slovenščina"}, new String[] {"hr", "Hrvatski"},
            new String[] {"bg", "Български"}, new String[] {"et", "Eesti"}, new String[] {"lv", "Latviešu"},
            new String[] {"lt", "Lietuvių"}, new String[] {"mt", "Malti"});

    /** A language tag as BCP 47 shapes it: a 2–3 letter language, then subtags. */
    static final String TAG = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*";

    private Languages() {
    }

    static List<FormView.Option> options() {
        return CODES.stream().map(c -> new FormView.Option(c[0], c[1] + " (" + c[0] + ")", false)).toList();
    }
}
