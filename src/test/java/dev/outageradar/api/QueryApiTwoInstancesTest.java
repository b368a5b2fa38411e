package dev.outageradar.api;

import static dev.outageradar.api.QueryApiOnBrokerTest.INCIDENT;
import static dev.outageradar.api.QueryApiOnBrokerTest.RESOLVED_INCIDENT;
import static dev.outageradar.api.QueryApiOnBrokerTest.get;
import static dev.outageradar.api.QueryApiOnBrokerTest.json;
import static dev.outageradar.api.QueryApiOnBrokerTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.config.ApiSettings;
import dev.outageradar.config.Secret;
import dev.outageradar.replay.FeedProducer;
import dev.outageradar.topology.Names;
import dev.outageradar.topology.OutageTopology;
import dev.outageradar.topology.Topics;
import dev.outageradar.topology.TopologySettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of one application (same application id, own state and API port, one api.token) share the
 * services' state; either answers for every service, asking the other, with the token, for what it does
 * not hold.
 */
@Tag("integration")
@Timeout(240)
class QueryApiTwoInstancesTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final int PARTITIONS = 4;
    private static final String TOKEN = "c2hhcmVkLWJ5LWJvdGg=";
    private static final List<String> QUIET = List.of("netflix", "discord", "slack", "twitch", "reddit", "whatsapp");

    @TempDir
    Path temp;

    private final List<ApiServer> apis = new ArrayList<>();
    private final List<KafkaStreams> instances = new ArrayList<>();
    private final List<AppMetrics> meters = new ArrayList<>();

    @AfterEach
    void stop() {
        apis.forEach(ApiServer::close);
        instances.forEach(streams -> streams.close(Duration.ofSeconds(30)));
        meters.forEach(AppMetrics::close);
    }

    @Test
    void eitherInstanceAnswersForEveryServiceAndListsThemAll() throws Exception {
        Topics topics = new Topics(KAFKA.uniqueName("posts"), KAFKA.uniqueName("posts.dlq"),
                KAFKA.uniqueName("alerts"), KAFKA.uniqueName("counts"));
        KAFKA.createTopics(PARTITIONS, topics.all().toArray(String[]::new));
        TopologySettings settings = QueryApiOnBrokerTest.settings(topics, PARTITIONS);
        String applicationId = KAFKA.uniqueName("outage-radar");
        ApiServer first = start(settings, applicationId, "first");
        ApiServer second = start(settings, applicationId, "second");
        awaitBothRunning();

        FeedProducer.sendLines(QueryApiOnBrokerTest.writeFeed(temp, QUIET.subList(1, QUIET.size())), topics.posts(),
                QueryApiOnBrokerTest.clientProps(KAFKA.bootstrapServers()));
        QueryApiOnBrokerTest.awaitSeriesThrough(first, "2024-09-30T13:05:00Z", services(), TOKEN);
        awaitSettled(first);

        Set<HostInfo> owners = new HashSet<>();
        for (String service : services()) {
            owners.add(instances.get(0).queryMetadataForKey(Names.STORE_SERVICE_STATE, service,
                    Serdes.String().serializer()).activeHost());
        }
        assertThat(owners).as("the services' state is spread over both instances").hasSize(2);

        for (String service : services()) {
            HttpResponse<String> fromFirst = get(first, "/api/services/" + service);
            HttpResponse<String> fromSecond = get(second, "/api/services/" + service);
            assertThat(fromFirst.statusCode()).as(service).isEqualTo(200);
            assertThat(fromSecond.statusCode()).as(service).isEqualTo(200);
            assertThat(json(fromFirst)).as(service).isEqualTo(json(fromSecond));
            assertThat(json(fromFirst).get("service").asText()).isEqualTo(service);
        }
        for (ApiServer api : List.of(first, second)) {
            List<JsonNode> listed = list(json(get(api, "/api/services")));
            assertThat(listed).extracting(s -> s.get("service").asText()).first().isEqualTo("spotify");
            assertThat(listed).extracting(s -> s.get("service").asText()).containsExactlyInAnyOrderElementsOf(services());
            assertThat(listed).extracting(s -> s.get("ratio").asDouble())
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            List<JsonNode> open = list(json(get(api, "/api/incidents")).get("incidents"));
            assertThat(open).extracting(i -> i.get("id").asText()).containsExactly(INCIDENT);
            List<JsonNode> recent = list(json(get(api, "/api/incidents?status=recent")).get("incidents"));
            assertThat(recent).extracting(i -> i.get("id").asText()).containsExactly(INCIDENT, RESOLVED_INCIDENT);
            for (String service : List.of("spotify", "github")) {
                assertThat(list(json(get(api, "/api/services/" + service + "/series")).get("incidents")))
                        .as(service).hasSize(1);
            }
            assertThat(get(api, "/api/services/no-such-service").statusCode()).isEqualTo(404);
            assertThat(QueryApiOnBrokerTest.get(api, "/api/services").statusCode()).as("no token").isEqualTo(401);
        }
    }

    /**
     * Until the instances have processed the whole feed, windows keep closing, and two questions asked a
     * moment apart get two answers: wait until the full list stays the same for a second.
     */
    private void awaitSettled(ApiServer api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String previous = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> now = get(api, "/api/services");
            if (now.statusCode() == 200 && now.body().equals(previous)) {
                return;
            }
            previous = now.statusCode() == 200 ? now.body() : null;
            Thread.sleep(1000);
        }
        throw new AssertionError("the services never settled; last answer: " + previous);
    }

    private ApiServer start(TopologySettings settings, String applicationId, String name) {
        ApiServer api = ApiServer.bind(new ApiSettings(true, "127.0.0.1", 0, Optional.of(new Secret(TOKEN))));
        apis.add(api);
        AppMetrics metrics = new AppMetrics();
        meters.add(metrics);
        KafkaStreams streams = new KafkaStreams(OutageTopology.build(settings, QueryApiOnBrokerTest.matcher(),
                metrics.pipeline()),
                QueryApiOnBrokerTest.streamsProps(KAFKA.bootstrapServers(), applicationId, temp.resolve(name), api));
        instances.add(streams);
        api.serve(streams, settings, metrics);
        streams.start();
        return api;
    }

    private void awaitBothRunning() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!instances.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING)) {
            assertThat(System.nanoTime()).as("both instances RUNNING within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static HttpResponse<String> get(ApiServer api, String path) {
        return QueryApiOnBrokerTest.get(api, path, TOKEN);
    }

    private static List<String> services() {
        List<String> all = new ArrayList<>(QUIET);
        all.add("spotify");
        all.add("github");
        return all;
    }
}
