package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.model.Iris;

/** The views of the harvesting pages, read from the graphs machines get, checked without HTTP. */
class HarvestViewsTest {

    private static final String SITE = "http://example.test";

    private final Copgraph cg = Fixtures.seeded();
    private final Iris iris = cg.settings().iris();

    @Test
    void theDatasetViewHasSizesDistributionsServicesAndEverySourceWithItsLicence() {
        DatasetView v = cg.harvest().description().view();
        assertThat(v.licence().text()).isEqualTo("CC BY 4.0");
        assertThat(v.sizes()).extracting(DatasetView.Figure::name).contains("statements", "distinct subjects", "classes");
        assertThat(v.distributions()).extracting(d -> d.download().href())
                .containsExactlyInAnyOrder("/dumps/copgraph.nt.gz", "/dumps/copgraph.ttl", "/dumps/copgraph.jsonld", "/dumps/copgraph.nq.gz");
        assertThat(v.distributions()).allSatisfy(d -> {
            assertThat(d.bytes()).isPositive();
            assertThat(d.licence()).isNotNull();
        });
        assertThat(v.services()).extracting(s -> s.endpoint().href()).containsExactlyInAnyOrder("/fragments", "/ldes", "/sparql");
        assertThat(v.sources()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.graph().href()).startsWith("/graph/");
            assertThat(s.statements()).isPositive();
        });
        assertThat(v.sources()).anySatisfy(s -> assertThat(s.licence()).isNotNull());
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertThat(DatasetView.readableSize(512)).isEqualTo("512 B");
        assertThat(DatasetView.readableSize(1_400_000)).isEqualTo("1.4 MB");
        assertThat(DatasetView.readableSize(52_000)).isEqualTo("52 kB");
        assertThat(DatasetView.readableTime("2026-12-01T22:00:39.340751456Z")).isEqualTo("2026-12-01 22:00 UTC");
    }

    @Test
    void theStreamRootListsItsPagesAndAPageItsMembers() {
        EventStream stream = cg.harvest().stream();
        StreamView root = StreamView.root(stream.root(SITE).graph(), stream.size(), stream.pageSize(), iris, SITE);
        long pages = (stream.size() + stream.pageSize() - 1) / stream.pageSize();
        assertThat(root.pages()).hasSize((int) pages);
        assertThat(root.pages().get(0).link().href()).isEqualTo("/ldes/0");
        assertThat(root.url()).isEqualTo(SITE + "/ldes");
        StreamView page = StreamView.page(0, stream.page(0, SITE).graph(), stream.streamIri(), stream.size(), stream.pageSize(), iris, SITE);
        assertThat(page.members()).hasSize((int) Math.min(stream.size(), stream.pageSize()));
        assertThat(page.members().get(0).version().href()).isEqualTo("/ldes/member/0");
        assertThat(page.members()).allSatisfy(m -> assertThat(m.resource()).isNotNull());
        assertThat(page.previous()).isNull();
    }

    @Test
    void aMemberViewShowsTheStatementsOfThatVersionWithoutItsVersionMetadata() {
        EventStream stream = cg.harvest().stream();
        StreamView.MemberView m = StreamView.member(0, stream.member(0), stream.memberIri(0), iris);
        assertThat(m.member().resource().href()).startsWith("/");
        assertThat(m.statements()).isNotEmpty().noneSatisfy(s -> assertThat(s.property().code()).isEqualTo("dcterms:isVersionOf"));
    }

    @Test
    void aFragmentViewHasTheMatchesThePagingAndTheFormValues() {
        Fragments.Pattern pattern = Fragments.pattern(null, "http://www.w3.org/2000/01/rdf-schema#label", null);
        String url = Fragments.pageUrl(SITE, pattern, 1);
        DatasetGraph fragment = cg.harvest().fragments().fragment(pattern, 1, url, SITE);
        FragmentView v = FragmentView.of(null, "http://www.w3.org/2000/01/rdf-schema#label", null, 1, fragment, url, SITE, iris);
        assertThat(v.subject()).isEmpty();
        assertThat(v.predicate()).isEqualTo("http://www.w3.org/2000/01/rdf-schema#label");
        assertThat(v.total()).isGreaterThan(Fragments.PAGE_SIZE);
        assertThat(v.triples()).hasSize(Fragments.PAGE_SIZE);
        assertThat(v.next().href()).startsWith("/fragments?predicate=").endsWith("page=2");
        assertThat(v.previous()).isNull();
        assertThat(v.from()).isEqualTo(1);
        assertThat(v.triples().get(0).predicate().value().link().text()).isEqualTo("rdfs:label");
        assertThat(v.triples().get(0).object().value().text()).isNotNull();
    }
}
