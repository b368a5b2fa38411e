package dev.outageradar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.config.ApiSettings;
import dev.outageradar.replay.FeedProducer;
import dev.outageradar.topology.OutageTopology;
import dev.outageradar.topology.Topics;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query API of one running instance, on a real broker, after a feed in which spotify's complaints jump
 * from 2 to 200 a minute at 13:00 and stay there (the incident is still open when the feed ends), github's
 * jump from 1 to 100 a minute for ten minutes at 11:30 (an incident resolved at 11:55), while netflix stays
 * at 1 a minute.
 */
@Tag("integration")
@Timeout(180)
class QueryApiOnBrokerTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    static final Instant START = Instant.parse("2024-09-30T10:00:00Z");
    /**
     * A service's first judged window is the one of the first complaint its detector task reads: with three
     * posts partitions, a complaint of 10:01 may be read before one of 10:00, and then the 10:00 window is
     * counted late (a property of how a new service starts, not of the API).
     */
    static final Instant FIRST_JUDGED_BY = START.plus(Duration.ofMinutes(1));
    static final Instant OUTAGE = Instant.parse("2024-09-30T13:00:00Z");
    static final String INCIDENT = "spotify-20240930T1300Z";
    static final String RESOLVED_INCIDENT = "github-20240930T1130Z";
    static final Instant RESOLVED_OPENED = Instant.parse("2024-09-30T11:30:00Z");
    /** The quiet period (15 windows) after the burst's last window, 11:39. */
    static final Instant RESOLVED_AT = Instant.parse("2024-09-30T11:55:00Z");
    private static final int PARTITIONS = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    private static KafkaStreams streams;
    private static ApiServer api;
    private static AppMetrics metrics;
    private static long posts;

    @BeforeAll
    static void startTheAppAndFeedIt() throws IOException {
        Topics topics = new Topics(KAFKA.uniqueName("posts"), KAFKA.uniqueName("posts.dlq"),
                KAFKA.uniqueName("alerts"), KAFKA.uniqueName("counts"));
        KAFKA.createTopics(PARTITIONS, topics.all().toArray(String[]::new));
        TopologySettings settings = QueryApiOnBrokerTest.settings(topics, PARTITIONS);
        api = ApiServer.bind(new ApiSettings(true, "127.0.0.1", 0));
        metrics = new AppMetrics();
        streams = new KafkaStreams(OutageTopology.build(settings, matcher(), metrics.pipeline()),
                streamsProps(KAFKA.bootstrapServers(), KAFKA.uniqueName("outage-radar"), temp.resolve("state"), api));
        metrics.bind(streams);
        api.serve(streams, settings, metrics);
        streams.start();
        posts = FeedProducer.sendLines(writeFeed(temp, List.of()), topics.posts(), clientProps(KAFKA.bootstrapServers()));
        awaitSeriesThrough(api, "2024-09-30T13:05:00Z", List.of("spotify", "github", "netflix"));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void healthIsReadyWhileKafkaStreamsRuns() {
        HttpResponse<String> health = get(api, "/health");
        HttpResponse<String> live = get(api, "/health/live");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json(health)).isEqualTo(json("{\"live\":true,\"ready\":true,\"streams_state\":\"RUNNING\"}"));
        assertThat(live.statusCode()).isEqualTo(200);
    }

    @Test
    void servicesAreListedMostAboveNormalFirstWithTheirOpenIncident() {
        HttpResponse<String> response = get(api, "/api/services");

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> services = list(json(response));
        assertThat(services).extracting(s -> s.get("service").asText()).first().isEqualTo("spotify");
        assertThat(services).extracting(s -> s.get("service").asText())
                .containsExactlyInAnyOrder("spotify", "github", "netflix");
        assertThat(services).extracting(s -> s.get("ratio").asDouble()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(services).allSatisfy(s -> assertThat(s.has("recent_counts")).as("only when asked for").isFalse());
        JsonNode spotify = services.get(0);
        assertThat(spotify.get("count").asLong()).isEqualTo(200);
        assertThat(spotify.get("expected").asDouble()).isBetween(1.0, 4.0);
        assertThat(spotify.get("ratio").asDouble()).isGreaterThan(50);
        assertThat(spotify.get("incident").get("id").asText()).isEqualTo(INCIDENT);
        assertThat(spotify.get("incident").get("opened_at").asText()).isEqualTo(OUTAGE.toString());
        JsonNode netflix = services.stream().filter(s -> s.get("service").asText().equals("netflix")).findFirst().get();
        assertThat(netflix.get("count").asLong()).isEqualTo(1);
        assertThat(netflix.get("ratio").asDouble()).isLessThan(3);
        assertThat(netflix.get("incident").isNull()).isTrue();
    }

    @Test
    void theListCarriesTheNewestWindowsCountsWhenAskedForASparkline() {
        HttpResponse<String> response = get(api, "/api/services?recent=3");
        HttpResponse<String> bad = get(api, "/api/services?recent=lots");

        JsonNode spotify = list(json(response)).get(0);
        assertThat(spotify.get("service").asText()).isEqualTo("spotify");
        assertThat(list(spotify.get("recent_counts"))).extracting(JsonNode::asLong).containsExactly(200L, 200L, 200L);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).isEqualTo("recent=\"lots\" is not a number of windows from 0 to 1440");
    }

    @Test
    void oneServiceIsAnsweredWithItsNewestWindowAndIncident() {
        HttpResponse<String> response = get(api, "/api/services/spotify");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode spotify = json(response);
        assertThat(spotify.get("service").asText()).isEqualTo("spotify");
        assertThat(spotify.get("incident").get("id").asText()).isEqualTo(INCIDENT);
        assertThat(spotify.get("threshold").asLong()).isBetween(10L, 199L);
    }

    @Test
    void seriesGivesEachWindowsCountExpectedLevelAndThreshold() {
        HttpResponse<String> response = get(api,
                "/api/services/spotify/series?from=2024-09-30T12:58:00Z&to=2024-09-30T13:02:00Z");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode series = json(response);
        assertThat(series.get("service").asText()).isEqualTo("spotify");
        assertThat(Instant.parse(series.get("available_from").asText())).isBetween(START, FIRST_JUDGED_BY);
        List<JsonNode> windows = list(series.get("windows"));
        assertThat(windows).extracting(w -> w.get("window_start").asText()).containsExactly(
                "2024-09-30T12:58:00Z", "2024-09-30T12:59:00Z", "2024-09-30T13:00:00Z", "2024-09-30T13:01:00Z");
        assertThat(windows).extracting(w -> w.get("count").asLong()).containsExactly(2L, 2L, 200L, 200L);
        for (JsonNode window : windows) {
            assertThat(window.get("expected").asDouble()).isBetween(1.0, 4.0);
            assertThat(window.get("threshold").asLong()).isBetween(10L, 199L);
        }
        assertThat(windows).extracting(w -> w.get("anomalous").asBoolean()).containsExactly(false, false, true, true);
        List<JsonNode> incidents = list(series.get("incidents"));
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("id").asText()).isEqualTo(INCIDENT);
        assertThat(incidents.get(0).get("resolved_at").isNull()).isTrue();
    }

    @Test
    void seriesDefaultsToTheDayUpToTheNewestWindowAndKeepsAResolvedIncidentsWindows() {
        HttpResponse<String> response = get(api, "/api/services/github/series");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode series = json(response);
        Instant to = Instant.parse(series.get("to").asText());
        assertThat(to).isEqualTo(Instant.parse(series.get("available_to").asText()));
        assertThat(Instant.parse(series.get("from").asText())).isEqualTo(to.minus(Duration.ofHours(24)));
        List<JsonNode> windows = list(series.get("windows"));
        Instant first = Instant.parse(windows.get(0).get("window_start").asText());
        assertThat(first).isBetween(START, FIRST_JUDGED_BY);
        assertThat(windows).as("every window from the first, none missing")
                .hasSize((int) Duration.between(first, to).toMinutes());
        // The burst's windows, although the incident resolved (and the detector's evidence was emptied) long ago.
        int burst = (int) Duration.between(first, RESOLVED_OPENED).toMinutes();
        assertThat(windows.subList(burst, burst + 10)).extracting(w -> w.get("count").asLong()).containsOnly(100L);
        assertThat(windows.get(burst + 10).get("count").asLong()).isEqualTo(1);
        List<JsonNode> incidents = list(series.get("incidents"));
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("id").asText()).isEqualTo(RESOLVED_INCIDENT);
        assertThat(incidents.get(0).get("opened_at").asText()).isEqualTo(RESOLVED_OPENED.toString());
        assertThat(incidents.get(0).get("resolved_at").asText()).isEqualTo(RESOLVED_AT.toString());
        assertThat(incidents.get(0).get("peak_count").asLong()).isEqualTo(100);
    }

    @Test
    void aRangeReachingPastWhatTheHistoryHoldsIsServedAsFarAsItHolds() {
        HttpResponse<String> response = get(api, "/api/services/netflix/series?from=2024-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode series = json(response);
        assertThat(series.get("from").asText()).isEqualTo("2024-01-01T00:00:00Z");
        List<JsonNode> windows = list(series.get("windows"));
        assertThat(Instant.parse(windows.get(0).get("window_start").asText())).isBetween(START, FIRST_JUDGED_BY);
        assertThat(Instant.parse(windows.get(windows.size() - 1).get("window_start").asText()).plus(Duration.ofMinutes(1)))
                .isEqualTo(Instant.parse(series.get("available_to").asText()));
    }

    @Test
    void badOrEmptyTimeRangeIsA400WithAJsonError() {
        HttpResponse<String> badFrom = get(api, "/api/services/spotify/series?from=yesterday");
        HttpResponse<String> emptyRange = get(api,
                "/api/services/spotify/series?from=2024-09-30T13:00:00Z&to=2024-09-30T13:00:00Z");

        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(json(badFrom).get("error").asText()).startsWith("from=\"yesterday\" is not an ISO-8601 UTC time");
        assertThat(json(badFrom).get("status").asInt()).isEqualTo(400);
        assertThat(emptyRange.statusCode()).isEqualTo(400);
        assertThat(json(emptyRange).get("error").asText()).contains("must be before");
    }

    @Test
    void unknownServiceAndUnknownPathAre404WithAJsonError() {
        HttpResponse<String> service = get(api, "/api/services/no-such-service");
        HttpResponse<String> series = get(api, "/api/services/no-such-service/series");
        HttpResponse<String> path = get(api, "/api/nothing-here");

        assertThat(service.statusCode()).isEqualTo(404);
        assertThat(json(service).get("error").asText()).isEqualTo("unknown service \"no-such-service\"");
        assertThat(series.statusCode()).isEqualTo(404);
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(json(path).get("error").asText()).isEqualTo("no such resource: /api/nothing-here");
    }

    @Test
    void openAndRecentIncidentsAreListedAndOtherStatusesAreRefused() {
        HttpResponse<String> open = get(api, "/api/incidents?status=open");
        HttpResponse<String> recent = get(api, "/api/incidents?status=recent");
        HttpResponse<String> bogus = get(api, "/api/incidents?status=bogus");

        assertThat(open.statusCode()).isEqualTo(200);
        List<JsonNode> incidents = list(json(open).get("incidents"));
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("id").asText()).isEqualTo(INCIDENT);
        assertThat(incidents.get(0).get("service").asText()).isEqualTo("spotify");
        assertThat(incidents.get(0).get("peak_count").asLong()).isEqualTo(200);
        assertThat(recent.statusCode()).isEqualTo(200);
        assertThat(json(recent).get("status").asText()).isEqualTo("recent");
        List<JsonNode> past = list(json(recent).get("incidents"));
        assertThat(past).extracting(i -> i.get("id").asText()).containsExactly(INCIDENT, RESOLVED_INCIDENT);
        assertThat(past.get(0).get("resolved_at").isNull()).isTrue();
        assertThat(past.get(1).get("resolved_at").asText()).isEqualTo(RESOLVED_AT.toString());
        assertThat(past.get(1).get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(json(bogus).get("error").asText()).isEqualTo("status=\"bogus\" is not one of open, recent");
    }

    @Test
    void metricsArePrometheusTextWithTheAppsOwnMetersAndKafkaStreamsClientMetrics() {
        // The detector may still be counting the feed's last posts: wait until each of spotify's 3,360
        // complaints is either counted or counted as late (posts partitions interleave, so a few can be).
        Map<String, Double> samples = awaitMetrics(now -> complaints(now, "spotify") == 3360);
        HttpResponse<String> response = get(api, "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(Response.PROMETHEUS_TEXT);
        assertThat(response.body()).contains("# TYPE outage_radar_posts_total counter\n");
        assertThat(samples).containsEntry("outage_radar_posts_total", (double) posts)
                // github's incident opened and resolved, spotify's is still open.
                .containsEntry("outage_radar_alerts_total{severity=\"CRITICAL\",type=\"OUTAGE_SUSPECTED\"}", 2.0)
                .containsEntry("outage_radar_alerts_total{severity=\"CRITICAL\",type=\"OUTAGE_RESOLVED\"}", 1.0)
                .containsEntry("outage_radar_dead_letters_total{reason=\"NOT_JSON\"}", 0.0);
        assertThat(complaints(samples, "netflix")).isEqualTo(195);
        // The feed's newest judged window ends at most at 13:15 on 2024-09-30, so the lag is about two years.
        double lagFloor = Duration.between(Instant.parse("2024-09-30T13:15:00Z"), Instant.now()).toSeconds();
        assertThat(samples.get("outage_radar_event_time_lag_seconds")).isBetween(lagFloor, lagFloor + 20 * 60);
        assertThat(samples.keySet()).anyMatch(name -> name.startsWith("kafka_consumer_fetch_manager_records_lag_max{")
                        && name.contains("StreamThread-1-consumer"))
                .anyMatch(name -> name.startsWith("kafka_stream_alive_stream_threads{"))
                .anyMatch(name -> name.startsWith("jvm_memory_used_bytes{"));
        assertThat(response.body().lines().filter(line -> !line.startsWith("#")))
                .allMatch(line -> line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+"));
    }

    /** Polls /metrics until its samples pass the test (deadline, no fixed sleep); returns them. */
    private static Map<String, Double> awaitMetrics(Predicate<Map<String, Double>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Double> samples = Map.of();
        while (System.nanoTime() < deadline) {
            samples = samples(get(api, "/metrics").body());
            if (done.test(samples)) {
                return samples;
            }
            sleep(200);
        }
        throw new AssertionError("/metrics did not reach the expected values within 60 s: " + samples);
    }

    /** The service's complaints, counted in a window or too late for one. */
    private static double complaints(Map<String, Double> samples, String service) {
        return samples.getOrDefault("outage_radar_complaints_total{service=\"" + service + "\"}", 0.0)
                + samples.getOrDefault("outage_radar_late_complaints_total{service=\"" + service + "\"}", 0.0);
    }

    /** {@code name{labels}} to value, as written in the Prometheus text format. */
    static Map<String, Double> samples(String prometheusText) {
        Map<String, Double> samples = new TreeMap<>();
        prometheusText.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(api, "/api/services"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
        assertThat(json(response).get("error").asText()).isEqualTo("POST is not allowed; use GET");
    }

    // ---- fixtures shared with the two-instance test

    /**
     * The default topology, but a posts partition is taken for idle only after ten minutes without a post
     * (not 30 s). On a loaded machine a posts partition's task can go without a turn, or a fresh topic's
     * partition without a leader, for longer than 30 s while its posts wait; taken for idle, it stops
     * holding back the windows and its posts arrive late, which these tests, about the API, must not depend on.
     */
    static TopologySettings settings(Topics topics, int partitions) {
        return TopologySettings.defaults().withTopics(topics).withPostsPartitions(partitions)
                .withIdleAfter(Duration.ofMinutes(10));
    }

    static ComplaintMatcher matcher() {
        return ComplaintMatcher.compile(ServiceCatalog.load(Path.of("config/services.yaml")));
    }

    /**
     * Three quiet hours (spotify 2, github and netflix 1 complaint a minute, plus unrelated posts), but for
     * ten minutes of 100 github complaints a minute from 11:30; then from 13:00 fifteen minutes of 200
     * spotify complaints a minute, up to the end of the feed. Each of the {@code moreServices} gets one
     * "not working" complaint a minute.
     */
    static Path writeFeed(Path dir, List<String> moreServices) throws IOException {
        List<String> feed = new ArrayList<>();
        for (int minute = 0; minute < 195; minute++) {
            int spotify = minute >= 180 ? 200 : 2;
            for (int i = 0; i < spotify; i++) {
                feed.add(post(minute, i * 60.0 / spotify, "is spotify down? #SpotifyDown", "s" + minute + "-" + i));
            }
            feed.add(post(minute, 30, "netflix not working for me", "n" + minute));
            int github = minute >= 90 && minute < 100 ? 100 : 1;
            for (int i = 0; i < github; i++) {
                feed.add(post(minute, 20 + i * 0.3, "github is down", "g" + minute + "-" + i));
            }
            feed.add(post(minute, 45, "lovely weather today", "w" + minute));
            for (String service : moreServices) {
                feed.add(post(minute, 50, service + " not working for me", service + minute));
            }
        }
        Path file = dir.resolve("feed.jsonl");
        Files.write(file, feed);
        return file;
    }

    private static String post(int minute, double second, String text, String author) {
        Instant at = START.plus(Duration.ofMinutes(minute)).plusMillis((long) (second * 1000));
        return "{\"created_at\":\"" + at + "\",\"text\":\"" + text + "\",\"author\":\"" + author + "\"}";
    }

    static Properties streamsProps(String bootstrap, String applicationId, Path stateDir, ApiServer api) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, api.applicationServer());
        return props;
    }

    static Properties clientProps(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        return props;
    }

    /**
     * Waits (deadline, no fixed sleep) until each service's series holds the window starting at
     * {@code windowStart}. Each detector task catches up at its own pace (the one holding an outage's
     * burst has the most to do), so one service being there says nothing about the others.
     */
    static void awaitSeriesThrough(ApiServer api, String windowStart, List<String> services) {
        awaitSeriesThrough(api, windowStart, services, null);
    }

    /** @param token the API's bearer token, or null when it has none */
    static void awaitSeriesThrough(ApiServer api, String windowStart, List<String> services, String token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String service : services) {
            String path = "/api/services/" + service + "/series?from=" + windowStart + "&to=2100-01-01T00:00:00Z";
            while (true) {
                HttpResponse<String> response = get(api, path, token);
                if (response.statusCode() == 200 && !json(response).get("windows").isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(service + "'s window " + windowStart + " was not served within 120 s");
                }
                sleep(200);
            }
        }
    }

    static HttpResponse<String> get(ApiServer api, String path) {
        return get(api, path, null);
    }

    /** @param token sent as {@code Authorization: Bearer <token>} unless null */
    static HttpResponse<String> get(ApiServer api, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(api, path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
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

    static URI uri(ApiServer api, String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JsonFormat.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
