package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

/** Failed sign-ins are counted per client: a server of its own, so the other tests' attempts do not count. */
class SignInLimitHttpTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("ines");

    @Test
    void manyFailedSignInsFromOneClientAreSlowedDownEvenForAGoodToken() {
        String origin = "http://localhost:" + server.port();
        for (int i = 0; i < SignInRoutes.MAX_FAILURES; i++) {
            assertThat(server.http().post("/sign-in", "application/x-www-form-urlencoded", "token=guess-" + i,
                    "Origin", origin).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> next = server.http().post("/sign-in", "application/x-www-form-urlencoded",
                "token=" + Http.enc(server.curator()), "Origin", origin);
        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(next.headers().firstValue("Retry-After")).isPresent();
        assertThat(next.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(next.body()).contains("too-many-sign-ins");
    }
}
