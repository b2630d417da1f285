package org.w3id.copgraph.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;

/**
 * A synthetic CoP ecosystem shaped like the real model, for benchmarks: CoPs with real domain
 * concepts, hosts and networks, memberships with roles and dates (some people in several CoPs),
 * practices and shared tools, events with organisers, where and how each meets (places with
 * coordinates, or online), its working languages, status and last review (a quarter never reviewed), offers and needs, and
 * qualified cross-pollinations. About 210 statements per CoP in one named graph, {@code graph/synthetic}, described in the
 * meta graph like any source. The same {@code cops} and {@code seed} always give the same data. It conforms to
 * {@code ontology/shapes.ttl}.
 *
 * <p>The data has a hidden structure, so that suggestions can be measured against it (see {@link SuggestionsBench}): each CoP
 * has one or two latent themes, drawn from a skewed mixture; its domains and tools come mostly from its themes, its host,
 * network and the people it shares lean towards its theme, it offers what it is strong in (a tool it uses, one of its
 * domains, a practice of its own) and needs what its themes use and it lacks. Most cross-pollinations follow that
 * structure: the target takes up what it needs from a CoP that offers it, preferring one that shares a theme, is close in
 * the network (a shared host, network or person) and is well connected; the rest ({@link #NOISE}) are drawn by
 * preferential attachment only, so a few hub CoPs gather many links either way.
 */
public final class SyntheticEcosystem {

    public static final String SLUG = "synthetic";

    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String SCHEMA = "http://schema.org/";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";

    private static final String[] ROLES = {"member", "member", "member", "member", "facilitator", "co-guardian",
        "coordinator", "contact-person"};
    private static final String[] PRACTICE_KINDS = {"Method", "Story", "Resource", "Guide"};
    private static final String[] EVIDENCE = {"Proposed", "Reported", "Observed"};
    private static final String[] STRENGTH = {"Weak", "Moderate", "Strong"};
    private static final int TOOLS = 40;
    private static final int NETWORKS = 20;
    private static final int MEMBERSHIPS_PER_COP = 10;
    private static final int PRACTICES_PER_COP = 3;
    private static final int CROSS_POLLINATIONS_PER_COP = 2;
    /** Where synthetic CoPs meet: locality, country, latitude, longitude. */
    private static final String[][] PLACES = {
        {"Bologna", "IT", "44.4949", "11.3426"}, {"Torino", "IT", "45.0703", "7.6869"}, {"Roma", "IT", "41.9028", "12.4964"},
        {"Lisboa", "PT", "38.7223", "-9.1393"}, {"Porto", "PT", "41.1579", "-8.6291"}, {"Barcelona", "ES", "41.3874", "2.1686"},
        {"Madrid", "ES", "40.4168", "-3.7038"}, {"Berlin", "DE", "52.5200", "13.4050"}, {"Freiburg", "DE", "47.9990", "7.8421"},
        {"Wien", "AT", "48.2082", "16.3738"}, {"Brussels", "BE", "50.8503", "4.3517"}, {"Totnes", "GB", "50.4319", "-3.6846"},
        {"Bristol", "GB", "51.4545", "-2.5879"}, {"Glasgow", "GB", "55.8642", "-4.2518"}, {"Dublin", "IE", "53.3498", "-6.2603"},
        {"Paris", "FR", "48.8566", "2.3522"}, {"Lyon", "FR", "45.7640", "4.8357"}, {"Amsterdam", "NL", "52.3676", "4.9041"},
        {"Ljubljana", "SI", "46.0569", "14.5058"}, {"Budapest", "HU", "47.4979", "19.0402"}, {"Helsinki", "FI", "60.1699", "24.9384"},
        {"Stockholm", "SE", "59.3293", "18.0686"}, {"Kraków", "PL", "50.0647", "19.9450"}, {"Athína", "GR", "37.9838", "23.7275"}};
    private static final String[] LANGUAGES = {"en", "en", "en", "en", "it", "de", "fr", "es", "pt", "nl", "pl", "el"};
    private static final String[] STATUSES = {"forming", "active", "active", "active", "active", "active", "active", "dormant",
        "dormant", "closed"};
    /** What a synthetic CoP's description says it works on, so that searches find some CoPs and not others. */
    private static final String[] THEMES = {"community composting", "repair cafés", "shared mobility", "seed saving",
        "community energy", "food sovereignty", "participatory budgeting", "rewilding", "cohousing", "local currencies",
        "climate assemblies", "urban gardening", "water commons", "open-source hardware", "zero waste", "forest schools"};
    /** The share of cross-pollinations that ignore the latent structure (drawn by preferential attachment alone). */
    static final double NOISE = 0.3;
    /** Tools typical of each theme (drawn from the skewed tool popularity, so popular tools span several themes). */
    private static final int TOOLS_PER_THEME = 6;
    /** How many CoPs offering what a target needs are weighed when it picks its source (bounded work per link). */
    private static final int CANDIDATES = 40;

    /** Decides, for each cross-pollination in the order they are made, whether it is written ({@code copgraph bench} hides some). */
    @FunctionalInterface
    public interface Keep {
        boolean crossPollination(int from, int to);
    }

    /** The day the generated review dates count back from (fixed, so the data does not depend on the day it is made). */
    private static final LocalDate REVIEW_EPOCH = LocalDate.of(2026, 11, 30);

    private final int cops;
    private final long seed;
    private final List<String> domains;
    private final Iris iris;
    private final Node graph;

    public SyntheticEcosystem(int cops, long seed, List<String> domains, Iris iris) {
        if (cops < 1) {
            throw new IllegalArgumentException("--cops must be at least 1");
        }
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("no domain concepts: is ontology/schemes.ttl there?");
        }
        this.cops = cops;
        this.seed = seed;
        this.domains = List.copyOf(domains);
        this.iris = iris;
        this.graph = NodeFactory.createURI(iris.graph(SLUG));
    }

    /** How many cross-pollinations {@link #emit} makes (written or not), in the order it asks {@link Keep} about them. */
    public int crossPollinationCount() {
        return (cops - 1) * CROSS_POLLINATIONS_PER_COP;
    }

    /** The concepts of the domain scheme in {@code ontology/schemes.ttl}, sorted, so seeds stay stable. */
    public static List<String> domainsOf(Path schemes) {
        Dataset d = RDFDataMgr.loadDataset(schemes.toString());
        List<String> out = new ArrayList<>();
        d.getDefaultModel().listSubjectsWithProperty(d.getDefaultModel().createProperty(SKOS + "inScheme"),
                d.getDefaultModel().createResource(Iris.DEFAULT_BASE + "id/scheme/domains"))
                .forEachRemaining(r -> out.add(r.getURI()));
        out.sort(null);
        return out;
    }

    /** Sends every quad to {@code out} (which is started and finished here). */
    public void emit(StreamRDF out) {
        emit(out, (from, to) -> true);
    }

    /**
     * Sends every quad to {@code out}, leaving out the cross-pollinations {@code keep} refuses (with their shortcut
     * edges): the rest of the data, and which cross-pollinations exist, stay the same whatever it decides.
     */
    public void emit(StreamRDF out, Keep keep) {
        Random rnd = new Random(seed);
        // The directory's properties come from a random source of their own, and the latent structure from another, so
        // that changing one part leaves the others' draws alone.
        Random directory = new Random(seed * 7_919L + 17);
        Latent latent = new Latent(new Random(seed * 104_729L + 31));
        out.start();
        out.prefix("cop", Cop.NS);
        out.prefix("org", ORG);
        out.prefix("rdfs", RDFS);
        out.prefix("schema", SCHEMA);
        out.prefix("prov", PROV);
        meta(out);
        for (int t = 0; t < TOOLS; t++) {
            Node tool = id("tool", "synthetic-tool-" + t);
            type(out, tool, Cop.NS + "Tool", Cop.NS + "Practice", SCHEMA + "SoftwareApplication", SCHEMA + "CreativeWork");
            label(out, tool, "Synthetic tool " + t);
            add(out, tool, Cop.NS + "practiceKind", uri(Cop.NS + "ToolKind"));
        }
        int orgCount = Math.max(1, cops / 10);
        for (int o = 0; o < orgCount; o++) {
            Node org = id("organisation", "synthetic-org-" + o);
            type(out, org, ORG + "FormalOrganization", ORG + "Organization", FOAF + "Organization");
            label(out, org, "Synthetic organisation " + o);
            add(out, org, FOAF + "name", lit("Synthetic organisation " + o));
        }
        for (int n = 0; n < NETWORKS; n++) {
            Node net = id("organisation", "synthetic-network-" + n);
            type(out, net, ORG + "FormalOrganization", ORG + "Organization", FOAF + "Organization", Cop.NS + "Network");
            label(out, net, "Synthetic network " + n);
            add(out, net, FOAF + "name", lit("Synthetic network " + n));
        }
        for (int p = 0; p < PLACES.length; p++) {
            place(out, p);
        }
        Node ecosystem = id("ecosystem", "synthetic-ecosystem");
        type(out, ecosystem, Cop.NS + "Ecosystem", ORG + "OrganizationalCollaboration", ORG + "Organization");
        label(out, ecosystem, "Synthetic ecosystem");

        List<Integer> attachment = new ArrayList<>();   // one entry per link end, plus one per CoP
        List<Integer> people = new ArrayList<>();       // one entry per membership: the busy get busier
        List<List<Integer>> peopleOfTheme = new ArrayList<>();
        for (int t = 0; t < THEMES.length; t++) {
            peopleOfTheme.add(new ArrayList<>());
        }
        int personCount = 0;
        LocalDate epoch = LocalDate.of(2015, 1, 1);
        for (int c = 0; c < cops; c++) {
            Profile me = latent.profile(c, orgCount);
            Node cop = cop(c);
            type(out, cop, Cop.CommunityOfPractice, ORG + "Organization", FOAF + "Group");
            label(out, cop, "Synthetic CoP " + c);
            add(out, cop, SKOS + "altLabel", NodeFactory.createLiteralLang("SCoP " + c, "en"));
            add(out, cop, DCT + "description", NodeFactory.createLiteralLang(
                    "A synthetic community of practice on " + THEMES[me.primary] + ", number " + c + ", generated for benchmarks.", "en"));
            whereAndHow(out, directory, cop);
            add(out, cop, Cop.NS + "hostedBy", id("organisation", "synthetic-org-" + me.host));
            add(out, cop, Cop.NS + "inNetwork", id("organisation", "synthetic-network-" + me.network));
            add(out, cop, Cop.NS + "partOfEcosystem", ecosystem);
            for (int d : me.domains) {
                add(out, cop, Cop.NS + "domain", uri(domains.get(d)));
            }
            for (int t : me.tools) {
                add(out, cop, Cop.NS + "usesTool", id("tool", "synthetic-tool-" + t));
            }
            for (int p = 0; p < PRACTICES_PER_COP; p++) {
                Node practice = id("practice", "synthetic-cop-" + c + "-practice-" + p);
                String kind = PRACTICE_KINDS[rnd.nextInt(PRACTICE_KINDS.length)];
                type(out, practice, Cop.NS + kind, Cop.NS + "Practice", SCHEMA + "CreativeWork");
                label(out, practice, kind + " " + p + " of synthetic CoP " + c);
                add(out, practice, Cop.NS + "practiceKind", uri(Cop.NS + kind + "Kind"));
                add(out, practice, DCT + "description", NodeFactory.createLiteralLang("A synthetic practice.", "en"));
                add(out, cop, Cop.NS + "hasPractice", practice);
            }
            offersAndNeeds(out, c, me);
            for (int m = 0; m < MEMBERSHIPS_PER_COP; m++) {
                int person;
                if (!people.isEmpty() && rnd.nextDouble() < 0.25) {
                    // People active in a theme tend to join another CoP of that theme.
                    List<Integer> mates = peopleOfTheme.get(me.primary);
                    person = !mates.isEmpty() && latent.random.nextDouble() < 0.6
                            ? mates.get(latent.random.nextInt(mates.size())) : people.get(rnd.nextInt(people.size()));
                } else {
                    person = personCount++;
                    Node p = person(person);
                    type(out, p, FOAF + "Person", SCHEMA + "Person");
                    label(out, p, "Synthetic person " + person);
                    add(out, p, FOAF + "name", lit("Synthetic person " + person));
                }
                people.add(person);
                peopleOfTheme.get(me.primary).add(person);
                me.people[m] = person;
                Node membership = id("membership", "synthetic-cop-" + c + "-membership-" + m);
                type(out, membership, ORG + "Membership");
                label(out, membership, "Synthetic person " + person + " in synthetic CoP " + c);
                add(out, membership, ORG + "member", person(person));
                add(out, membership, ORG + "organization", cop);
                add(out, membership, ORG + "role", id("role", ROLES[rnd.nextInt(ROLES.length)]));
                LocalDate start = epoch.plusDays(rnd.nextInt(3650));
                add(out, membership, SCHEMA + "startDate", date(start));
                if (rnd.nextDouble() < 0.3) {
                    add(out, membership, SCHEMA + "endDate", date(start.plusDays(30 + rnd.nextInt(1500))));
                }
                add(out, person(person), ORG + "memberOf", cop);
                add(out, person(person), ORG + "hasMembership", membership);
            }
            Node event = id("event", "synthetic-cop-" + c + "-event");
            type(out, event, SCHEMA + "Event");
            label(out, event, "Gathering of synthetic CoP " + c);
            add(out, event, SCHEMA + "name", lit("Gathering of synthetic CoP " + c));
            add(out, event, SCHEMA + "startDate", date(epoch.plusDays(rnd.nextInt(3650))));
            add(out, event, SCHEMA + "organizer", id("organisation", "synthetic-org-" + rnd.nextInt(orgCount)));
            add(out, event, SCHEMA + "about", uri(domains.get(rnd.nextInt(domains.size()))));
            if (c > 0) {
                for (int x = 0; x < CROSS_POLLINATIONS_PER_COP; x++) {
                    Taken taken = latent.source(me, attachment, rnd);
                    Node what = taken.tool >= 0 ? id("tool", "synthetic-tool-" + taken.tool)
                            : id("practice", "synthetic-cop-" + taken.from + "-practice-" + rnd.nextInt(PRACTICES_PER_COP));
                    crossPollination(out, rnd, taken.from, c, x, event, epoch, what, keep.crossPollination(taken.from, c));
                    latent.linked(taken.from);
                    latent.linked(c);
                    attachment.add(taken.from);
                    attachment.add(c);
                }
            }
            attachment.add(c);
            latent.generated(me);
        }
        out.finish();
    }

    /**
     * What the CoP offers (what it is strong in: a tool it uses or one of its domains, and sometimes a practice of its own)
     * and what it needs (a tool or domain of its themes that it lacks), each a cop:Offer or cop:Need with cop:concerns.
     */
    private void offersAndNeeds(StreamRDF out, int c, Profile me) {
        for (int i = 0; i < me.offers.size(); i++) {
            Node offer = id("offer", "synthetic-cop-" + c + "-offer-" + i);
            Item item = me.offers.get(i);
            type(out, offer, Cop.NS + "Offer", SCHEMA + "Offer");
            label(out, offer, "Synthetic CoP " + c + " offers " + labelOf(item, c));
            add(out, offer, DCT + "description", NodeFactory.createLiteralLang(
                    "Experience with " + labelOf(item, c) + " to share with other communities.", "en"));
            add(out, offer, Cop.NS + "concerns", nodeOf(item, c));
            add(out, cop(c), Cop.NS + "offers", offer);
        }
        for (int i = 0; i < me.needs.size(); i++) {
            Node need = id("need", "synthetic-cop-" + c + "-need-" + i);
            Item item = me.needs.get(i);
            type(out, need, Cop.NS + "Need", SCHEMA + "Demand");
            label(out, need, "Synthetic CoP " + c + " looks for " + labelOf(item, c));
            add(out, need, DCT + "description", NodeFactory.createLiteralLang(
                    "Looking for a community that could show us " + labelOf(item, c) + ".", "en"));
            add(out, need, Cop.NS + "concerns", nodeOf(item, c));
            add(out, cop(c), Cop.NS + "needs", need);
        }
    }

    /** Something an offer or need is about: a tool, a domain, or a practice of the CoP itself. */
    private record Item(char kind, int index) {
        static final char TOOL = 't';
        static final char DOMAIN = 'd';
        static final char OWN_PRACTICE = 'p';

        String key() {
            return kind + ":" + index;
        }
    }

    private String labelOf(Item item, int c) {
        return switch (item.kind()) {
            case Item.TOOL -> "synthetic tool " + item.index();
            case Item.DOMAIN -> domains.get(item.index()).substring(domains.get(item.index()).lastIndexOf('/') + 1).replace('-', ' ');
            default -> "practice " + item.index() + " of synthetic CoP " + c;
        };
    }

    private Node nodeOf(Item item, int c) {
        return switch (item.kind()) {
            case Item.TOOL -> id("tool", "synthetic-tool-" + item.index());
            case Item.DOMAIN -> uri(domains.get(item.index()));
            default -> id("practice", "synthetic-cop-" + c + "-practice-" + item.index());
        };
    }

    /** One CoP's hidden affinities and what was drawn from them. */
    private final class Profile {
        final int id;
        final int primary;
        final int secondary;    // -1: one theme only
        final int host;
        final int network;
        final int[] domains;
        final int[] tools;
        final int[] people = new int[MEMBERSHIPS_PER_COP];
        final List<Item> offers = new ArrayList<>();
        final List<Item> needs = new ArrayList<>();

        Profile(int id, int primary, int secondary, int host, int network, int[] domains, int[] tools) {
            this.id = id;
            this.primary = primary;
            this.secondary = secondary;
            this.host = host;
            this.network = network;
            this.domains = domains;
            this.tools = tools;
        }

        boolean hasTheme(int t) {
            return t == primary || t == secondary;
        }

        int sharedThemes(Profile o) {
            return (hasTheme(o.primary) ? 1 : 0) + (o.secondary >= 0 && hasTheme(o.secondary) ? 1 : 0);
        }

        boolean close(Profile o) {
            if (host == o.host || network == o.network) {
                return true;
            }
            for (int p : people) {
                for (int q : o.people) {
                    if (p == q) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Where a cross-pollination comes from and what moved (a tool, or -1 for one of the source's practices). */
    private record Taken(int from, int tool) {
    }

    /** The latent model: themes with their domains and tools, each CoP's profile, and who offers what so far. */
    private final class Latent {
        final Random random;
        final double[] themeWeights = new double[THEMES.length];
        final int[][] themeDomains = new int[THEMES.length][];
        final int[][] themeTools = new int[THEMES.length][];
        final List<Profile> profiles = new ArrayList<>();
        final java.util.Map<String, List<Integer>> offeredBy = new java.util.HashMap<>();
        final List<List<Integer>> copsOfTheme = new ArrayList<>();
        final List<Integer> degree = new ArrayList<>();

        Latent(Random random) {
            this.random = random;
            for (int t = 0; t < THEMES.length; t++) {
                // A skewed mixture: a few themes are far more common than others.
                themeWeights[t] = 1.0 / Math.pow(t + 1, 0.8);
                themeDomains[t] = new int[] {random.nextInt(domains.size()), random.nextInt(domains.size())};
                themeTools[t] = new int[TOOLS_PER_THEME];
                for (int i = 0; i < TOOLS_PER_THEME; i++) {
                    themeTools[t][i] = skewed(random, TOOLS);
                }
                copsOfTheme.add(new ArrayList<>());
            }
        }

        Profile profile(int c, int orgCount) {
            int primary = pickTheme(-1);
            int secondary = random.nextDouble() < 0.4 ? pickTheme(primary) : -1;
            int[] themes = secondary < 0 ? new int[] {primary} : new int[] {primary, secondary};
            // Host and network lean towards the primary theme: organisation o and network n serve theme o % 16, n % 16.
            int host = random.nextInt(orgCount);
            if (random.nextDouble() < 0.7 && primary < orgCount) {
                host = primary + THEMES.length * random.nextInt((orgCount - 1 - primary) / THEMES.length + 1);
            }
            int network = random.nextInt(NETWORKS);
            if (random.nextDouble() < 0.7 && primary < NETWORKS) {
                network = primary + THEMES.length * random.nextInt((NETWORKS - 1 - primary) / THEMES.length + 1);
            }
            int[] ds = new int[2];
            for (int i = 0; i < 2; i++) {
                int[] pool = themeDomains[themes[i % themes.length]];
                ds[i] = random.nextDouble() < 0.15 ? random.nextInt(domains.size()) : pool[random.nextInt(pool.length)];
            }
            int[] ts = new int[2];
            for (int i = 0; i < 2; i++) {
                int[] pool = themeTools[themes[random.nextInt(themes.length)]];
                ts[i] = random.nextDouble() < 0.15 ? skewed(random, TOOLS) : pool[random.nextInt(pool.length)];
            }
            Profile p = new Profile(c, primary, secondary, host, network, ds, ts);
            profiles.add(p);
            degree.add(0);
            // Offers: what it is strong in. Needs: what its themes use and it lacks.
            p.offers.add(random.nextDouble() < 0.65 ? new Item(Item.TOOL, ts[random.nextInt(2)]) : new Item(Item.DOMAIN, ds[random.nextInt(2)]));
            if (random.nextDouble() < 0.5) {
                p.offers.add(new Item(Item.OWN_PRACTICE, random.nextInt(PRACTICES_PER_COP)));
            }
            int wanted = random.nextDouble() < 0.5 ? 2 : 1;
            for (int tries = 0; p.needs.size() < wanted && tries < 20; tries++) {
                int theme = themes[random.nextInt(themes.length)];
                Item need = random.nextDouble() < 0.7
                        ? new Item(Item.TOOL, themeTools[theme][random.nextInt(TOOLS_PER_THEME)])
                        : new Item(Item.DOMAIN, themeDomains[theme][random.nextInt(2)]);
                boolean has = need.kind() == Item.TOOL ? contains(ts, need.index()) : contains(ds, need.index());
                if (!has && !p.needs.contains(need)) {
                    p.needs.add(need);
                }
            }
            return p;
        }

        private int pickTheme(int not) {
            double total = 0;
            for (int t = 0; t < THEMES.length; t++) {
                total += t == not ? 0 : themeWeights[t];
            }
            double u = random.nextDouble() * total;
            for (int t = 0; t < THEMES.length; t++) {
                u -= t == not ? 0 : themeWeights[t];
                if (u < 0) {
                    return t;
                }
            }
            return not == THEMES.length - 1 ? 0 : THEMES.length - 1;
        }

        /**
         * The source of one cross-pollination into {@code me}: by preferential attachment alone for a share {@link #NOISE};
         * otherwise a CoP that offers what {@code me} needs (or, if none does yet, one of its theme), weighed by shared
         * themes, closeness and connectedness.
         */
        Taken source(Profile me, List<Integer> attachment, Random rnd) {
            int fallback = attachment.get(rnd.nextInt(attachment.size()));
            // Never from itself (its own ends are already in the list by its second link).
            for (int tries = 0; fallback == me.id && tries < 20; tries++) {
                fallback = attachment.get(rnd.nextInt(attachment.size()));
            }
            if (random.nextDouble() < NOISE) {
                return new Taken(fallback, -1);
            }
            List<Integer> pool = null;
            int tool = -1;
            if (!me.needs.isEmpty()) {
                Item need = me.needs.get(random.nextInt(me.needs.size()));
                pool = offeredBy.get(need.key());
                tool = need.kind() == Item.TOOL ? need.index() : -1;
            }
            if (pool == null || pool.isEmpty()) {
                pool = copsOfTheme.get(me.primary);
                tool = -1;
            }
            if (pool.isEmpty()) {
                return new Taken(fallback, -1);
            }
            int n = Math.min(CANDIDATES, pool.size());
            int[] candidates = new int[n];
            double[] weights = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                int s = pool.size() <= CANDIDATES ? pool.get(i) : pool.get(random.nextInt(pool.size()));
                Profile other = profiles.get(s);
                candidates[i] = s;
                weights[i] = (1 + degree.get(s)) * (1 + 3 * me.sharedThemes(other)) * (me.close(other) ? 4 : 1);
                total += weights[i];
            }
            double u = random.nextDouble() * total;
            for (int i = 0; i < n; i++) {
                u -= weights[i];
                if (u < 0) {
                    return new Taken(candidates[i], tool);
                }
            }
            return new Taken(candidates[n - 1], tool);
        }

        void linked(int c) {
            degree.set(c, degree.get(c) + 1);
        }

        /** {@code p} is written: later CoPs may now take up what it offers. */
        void generated(Profile p) {
            for (Item o : p.offers) {
                if (o.kind() != Item.OWN_PRACTICE) {
                    offeredBy.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(p.id);
                }
            }
            copsOfTheme.get(p.primary).add(p.id);
        }
    }

    private static boolean contains(int[] xs, int x) {
        for (int y : xs) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }

    private void crossPollination(StreamRDF stream, Random rnd, int from, int to, int x, Node event, LocalDate epoch, Node what,
                                  boolean written) {
        // Every draw is made whether or not it is written, so hiding one leaves the rest of the data as it was.
        StreamRDF out = written ? stream : StreamRDFLib.sinkNull();
        Node xp = id("cross-pollination", "synthetic-" + from + "-to-" + to + "-" + x);
        type(out, xp, Cop.CrossPollination, PROV + "Influence");
        label(out, xp, "Synthetic CoP " + to + " learns from synthetic CoP " + from);
        add(out, xp, PROV + "agent", cop(from));
        add(out, xp, Cop.NS + "target", cop(to));
        boolean mutual = rnd.nextBoolean();
        add(out, xp, Cop.NS + "direction", uri(Cop.NS + (mutual ? "Mutual" : "Unidirectional")));
        String strength = STRENGTH[rnd.nextInt(STRENGTH.length)];
        String evidence = EVIDENCE[rnd.nextInt(EVIDENCE.length)];
        // The shortcut says something was taken up: none for a proposed or weak cross-pollination (as the shapes ask).
        boolean takenUp = !"Proposed".equals(evidence) && !"Weak".equals(strength);
        if (mutual && takenUp) {
            add(out, cop(from), Cop.NS + "crossPollinatedBy", cop(to));
        }
        add(out, xp, Cop.NS + "strength", uri(Cop.NS + strength));
        add(out, xp, Cop.NS + "evidenceStatus", uri(Cop.NS + evidence));
        add(out, xp, DCT + "source", id("document", "synthetic-report-" + (to / 100)));
        add(out, xp, DCT + "date", date(epoch.plusDays(rnd.nextInt(3650))));
        add(out, xp, Cop.NS + "transferred", what);
        add(out, xp, PROV + "hadActivity", event);
        if (takenUp) {
            add(out, cop(to), Cop.NS + "crossPollinatedBy", cop(from));
        }
        add(out, cop(to), Cop.NS + "qualifiedCrossPollination", xp);
    }

    /** Where and how a CoP meets, its languages, status and last review: what the directory shows and filters by. */
    private void whereAndHow(StreamRDF out, Random r, Node cop) {
        double mode = r.nextDouble();
        // 30 % meet only online (no place), 20 % online and in person, 50 % in person.
        String meetingMode = mode < 0.3 ? Cop.onlineMode : mode < 0.5 ? Cop.mixedMode : Cop.offlineMode;
        add(out, cop, Cop.meetingMode, uri(meetingMode));
        if (!meetingMode.equals(Cop.onlineMode)) {
            add(out, cop, Cop.schemaLocation, id("place", "synthetic-place-" + skewed(r, PLACES.length)));
        }
        String first = LANGUAGES[r.nextInt(LANGUAGES.length)];
        add(out, cop, Cop.schemaKnowsLanguage, lit(first));
        if (r.nextDouble() < 0.4) {
            String second = LANGUAGES[r.nextInt(LANGUAGES.length)];
            if (!second.equals(first)) {
                add(out, cop, Cop.schemaKnowsLanguage, lit(second));
            }
        }
        add(out, cop, Cop.status, uri(iris.resource("cop-status", STATUSES[r.nextInt(STATUSES.length)])));
        // A quarter never reviewed; the rest over the last three years, so some are fresh and some stale.
        if (r.nextDouble() >= 0.25) {
            add(out, cop, Cop.lastReviewed, date(REVIEW_EPOCH.minusDays(r.nextInt(3 * 365))));
        }
    }

    private void place(StreamRDF out, int p) {
        String[] place = PLACES[p];
        Node node = id("place", "synthetic-place-" + p);
        type(out, node, Cop.schemaPlace);
        label(out, node, place[0] + ", " + place[1]);
        add(out, node, Cop.schemaAddressLocality, lit(place[0]));
        add(out, node, Cop.schemaAddressCountry, lit(place[1]));
        add(out, node, Cop.schemaLatitude, NodeFactory.createLiteralDT(place[2], XSDDatatype.XSDdecimal));
        add(out, node, Cop.schemaLongitude, NodeFactory.createLiteralDT(place[3], XSDDatatype.XSDdecimal));
    }

    private void meta(StreamRDF out) {
        Node meta = NodeFactory.createURI(iris.metaGraph());
        Node source = NodeFactory.createURI("urn:copgraph:synthetic:cops=" + cops + ":seed=" + seed);
        Node[] types = {uri(Cop.NS + "SourceGraph"), uri(PROV + "Entity"), uri(DCAT + "Dataset")};
        for (Node t : types) {
            out.quad(Quad.create(meta, graph, RDF.type.asNode(), t));
        }
        out.quad(Quad.create(meta, graph, uri(RDFS + "label"), NodeFactory.createLiteralLang("Source graph: synthetic ecosystem", "en")));
        out.quad(Quad.create(meta, graph, uri(DCT + "title"), NodeFactory.createLiteralLang(
                "Synthetic CoP ecosystem (" + cops + " CoPs, seed " + seed + ")", "en")));
        out.quad(Quad.create(meta, graph, uri(DCT + "source"), source));
        out.quad(Quad.create(meta, graph, uri(PROV + "wasAttributedTo"), id("agent", "copgraph-curators")));
        // Fixed times: the same --cops and --seed give byte-identical output.
        out.quad(Quad.create(meta, graph, uri(PROV + "generatedAtTime"),
                NodeFactory.createLiteralDT("2026-01-01T00:00:00Z", XSDDatatype.XSDdateTime)));
        out.quad(Quad.create(meta, graph, uri(Cop.NS + "retrievedOn"), date(LocalDate.of(2026, 1, 1))));
        out.quad(Quad.create(meta, graph, uri(PROV + "hadPrimarySource"), source));
        out.quad(Quad.create(meta, graph, uri(RDFS + "comment"), NodeFactory.createLiteralLang(
                "Generated by `copgraph generate`, for benchmarks only: no statement here is about the real world.", "en")));
    }

    private static int skewed(Random rnd, int n) {
        // Popular tools are used far more often than rare ones.
        double u = rnd.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    private Node cop(int c) {
        return id("cop", "synthetic-cop-" + c);
    }

    private Node person(int p) {
        return id("person", "synthetic-person-" + p);
    }

    private Node id(String kind, String slug) {
        return NodeFactory.createURI(iris.resource(kind, slug));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node date(LocalDate d) {
        return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }

    private void label(StreamRDF out, Node s, String text) {
        add(out, s, RDFS + "label", NodeFactory.createLiteralLang(text, "en"));
    }

    private void type(StreamRDF out, Node s, String... classes) {
        for (String c : classes) {
            add(out, s, RDF.type.getURI(), uri(c));
        }
    }

    private void add(StreamRDF out, Node s, String p, Node o) {
        out.quad(Quad.create(graph, s, uri(p), o));
    }
}
