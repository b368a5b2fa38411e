package dev.outageradar.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.config.ApiSettings;
import dev.outageradar.config.Secret;
import dev.outageradar.topology.OutageTopology;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API with {@code api.token} set. Kafka Streams is created but not started (no broker needed): the
 * token is checked before any endpoint runs, and a request let through is answered by the endpoint itself
 * (here mostly 503, the state not being queryable yet).
 */
class ApiTokenTest {

    private static final String TOKEN = "3q2+7w==";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    private static ApiServer api;
    private static KafkaStreams streams;
    private static AppMetrics metrics;

    @BeforeAll
    static void serveWithAToken() {
        TopologySettings settings = TopologySettings.defaults();
        metrics = new AppMetrics();
        api = ApiServer.bind(new ApiSettings(true, "127.0.0.1", 0, Optional.of(new Secret(TOKEN))));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "api-token-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, temp.toString());
        streams = new KafkaStreams(OutageTopology.build(settings, QueryApiOnBrokerTest.matcher(), metrics.pipeline()), props);
        api.serve(streams, settings, metrics);
    }

    @AfterAll
    static void stop() {
        api.close();
        streams.close(Duration.ofSeconds(5));
        metrics.close();
    }

    @Test
    void theDashboardsPageIsOpenButTheDataItFetchesIsNot() {
        HttpResponse<String> page = get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(get("/api/services", null).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutATokenEveryApiPathAndMetricsAre401WithABearerChallenge() {
        for (String path : new String[] {"/api/services", "/api/services/spotify/series", "/api/incidents", "/metrics",
                "/api/anything-else"}) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).contains("Bearer realm=\"outage-radar\"");
            assertThat(response.headers().firstValue("Content-Type")).as(path).contains("application/json");
            assertThat(QueryApiOnBrokerTest.json(response)).isEqualTo(QueryApiOnBrokerTest.json(
                    "{\"status\":401,\"error\":\"this API needs a token: send Authorization: Bearer <api.token>\"}"));
        }
    }

    @Test
    void aWrongTokenOrAnotherSchemeIs401AndTheOfferedTokenIsNotEchoed() {
        HttpResponse<String> wrong = get("/api/services", "Bearer 3q2+7w=x");
        HttpResponse<String> basic = get("/api/services", "Basic " + TOKEN);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"outage-radar\", error=\"invalid_token\"");
        assertThat(wrong.body()).doesNotContain("3q2");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).doesNotContain("3q2");
    }

    @Test
    void theRightTokenReachesTheEndpoints() {
        HttpResponse<String> services = get("/api/services", "Bearer " + TOKEN);
        HttpResponse<String> lowerCaseScheme = get("/metrics", "bearer " + TOKEN);

        assertThat(services.statusCode()).isEqualTo(503);
        assertThat(QueryApiOnBrokerTest.json(services).get("error").asText()).isNotEmpty();
        assertThat(lowerCaseScheme.statusCode()).isEqualTo(200);
        assertThat(lowerCaseScheme.body()).contains("# TYPE outage_radar_posts_total counter").doesNotContain(TOKEN);
    }

    @Test
    void healthChecksStayOpenForProbesAndShowNoSecret() {
        HttpResponse<String> live = get("/health/live", null);
        HttpResponse<String> ready = get("/health/ready", null);

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(QueryApiOnBrokerTest.json(ready)).isEqualTo(QueryApiOnBrokerTest.json(
                "{\"live\":true,\"ready\":false,\"streams_state\":\"CREATED\"}"));
    }

    private static HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
