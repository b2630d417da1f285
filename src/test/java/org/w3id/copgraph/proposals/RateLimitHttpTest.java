package org.w3id.copgraph.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Settings;

/** A burst of proposals from one client is slowed down. */
class RateLimitHttpTest {

    @RegisterExtension
    static final ProposalServer server = new ProposalServer(Settings.Proposing.DEFAULTS.withRate(2, 1));

    @Test
    void aBurstFromOneClientGets429WithRetryAfter() {
        int[] statuses = new int[4];
        HttpResponse<String> last = null;
        for (int i = 0; i < statuses.length; i++) {
            String cop = ProposalServer.BASE + "id/cop/burst-" + i;
            last = server.http().post("/api/proposals?kind=new&name=Ana&target=" + Http.enc(cop), "text/turtle",
                    "<" + cop + "> a <https://w3id.org/copgraph/ontology#CommunityOfPractice> ;"
                    + " <http://www.w3.org/2000/01/rdf-schema#label> \"Burst " + i + "\" .");
            statuses[i] = last.statusCode();
        }
        assertThat(statuses).containsExactly(202, 202, 429, 429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(last.body()).contains("too-many-proposals");
    }
}
