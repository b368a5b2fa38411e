package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.ServiceCount;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window history and the incident history the detector keeps for the query API: what goes in, and
 * when it is forgotten. The production topology in a TopologyTestDriver, with RocksDB stores as in a live app.
 */
class DetectorHistoryTest {

    private static final Instant DAY = Instant.parse("2024-09-29T00:00:00Z");
    private static final ComplaintMatcher MATCHER =
            ComplaintMatcher.compile(ServiceCatalog.load(Path.of("config/services.yaml")));

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> posts;
    private TestOutputTopic<String, AlertEvent> alerts;
    private TestOutputTopic<String, ServiceCount> counts;
    private int nextId;

    private void start(TopologySettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "outage-radar-history-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(OutageTopology.build(settings, MATCHER), props);
        posts = driver.createInputTopic(settings.topics().posts(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(settings.topics().alerts(), Serdes.String().deserializer(),
                OutageTopology.ALERT_SERDE.deserializer());
        counts = driver.createOutputTopic(settings.topics().counts(), Serdes.String().deserializer(),
                OutageTopology.COUNT_SERDE.deserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void everyJudgedWindowIsKeptWithItsExpectedLevelAndThresholdEmptyOnesIncluded() {
        start(TopologySettings.defaults());
        minutes(DAY, 30, 3, "is spotify down?");
        // Ten minutes without a spotify complaint: judged windows with a count of zero, not published.
        minutes(DAY.plus(Duration.ofMinutes(30)), 10, 1, "lovely weather today");
        minutes(DAY.plus(Duration.ofMinutes(40)), 10, 3, "is spotify down?");

        List<KeyValue<Long, JudgedWindow>> history = history("spotify", DAY, DAY.plus(Duration.ofDays(1)));
        List<ServiceCount> published = counts.readValuesToList();

        assertThat(history).extracting(entry -> entry.key)
                .as("one entry per window, consecutive, from the first to the last closed one")
                .isEqualTo(minuteStarts(DAY, history.size()));
        assertThat(history.size()).isBetween(47, 49);
        assertThat(history.subList(30, 40)).extracting(entry -> entry.value.count()).containsOnly(0L);
        assertThat(history.subList(0, 30)).extracting(entry -> entry.value.count()).containsOnly(3L);
        assertThat(published).hasSize(history.size() - 10);
        for (ServiceCount count : published) {
            JudgedWindow kept = history.get((int) Duration.between(DAY, count.windowStart()).toMinutes()).value;
            assertThat(kept.count()).isEqualTo(count.count());
            assertThat(AlertEvent.round(kept.expected())).isEqualTo(count.expected());
            assertThat(kept.threshold()).isEqualTo(count.threshold());
            assertThat(kept.anomalous()).isEqualTo(count.anomalous());
        }
    }

    @Test
    void anIncidentIsKeptFromItsOpeningThroughItsResolution() {
        start(TopologySettings.defaults());
        minutes(DAY, 180, 2, "is spotify down?");
        Instant burst = DAY.plus(Duration.ofMinutes(180));
        minutes(burst, 5, 200, "spotify not working, can't log in #SpotifyDown");

        assertThat(incidents()).containsExactly(new IncidentSummary("spotify-20240929T0300Z", "spotify", burst, null,
                Severity.CRITICAL, 200));

        minutes(burst.plus(Duration.ofMinutes(5)), 30, 2, "is spotify down?");
        List<AlertEvent> events = alerts.readValuesToList();
        AlertEvent resolved = events.get(events.size() - 1);

        assertThat(resolved.type()).isEqualTo(IncidentEventType.OUTAGE_RESOLVED);
        assertThat(incidents()).containsExactly(new IncidentSummary("spotify-20240929T0300Z", "spotify", burst,
                resolved.detectedAt(), Severity.CRITICAL, 200));
    }

    @Test
    void resolvedIncidentsAndOldWindowsAreForgottenAfterTheirRetention() {
        start(TopologySettings.defaults().withHistory(new HistorySettings(Duration.ofHours(2), Duration.ofHours(1))));
        minutes(DAY, 180, 2, "is spotify down?");
        Instant burst = DAY.plus(Duration.ofMinutes(180));
        minutes(burst, 5, 200, "spotify not working #SpotifyDown");
        Instant afterBurst = minutes(burst.plus(Duration.ofMinutes(5)), 30, 2, "is spotify down?");
        assertThat(incidents()).hasSize(1);

        Instant end = minutes(afterBurst, 150, 2, "is spotify down?");

        assertThat(incidents()).as("resolved more than an hour of event time ago").isEmpty();
        List<KeyValue<Long, JudgedWindow>> history = history("spotify", DAY, end);
        assertThat(Instant.ofEpochMilli(history.get(0).key))
                .as("nothing older than the retention before the newest window")
                .isAfterOrEqualTo(Instant.ofEpochMilli(history.get(history.size() - 1).key).minus(Duration.ofHours(2)));
        assertThat(history.get(history.size() - 1).value.count()).isEqualTo(2);
    }

    @Test
    void inMemoryStoresKeepTheSameHistory() {
        start(TopologySettings.defaults().withInMemoryStores());
        minutes(DAY, 20, 3, "is spotify down?");

        assertThat(history("spotify", DAY, DAY.plus(Duration.ofHours(1))))
                .hasSizeBetween(17, 19)
                .allSatisfy(entry -> assertThat(entry.value.count()).isEqualTo(3));
    }

    private List<KeyValue<Long, JudgedWindow>> history(String service, Instant from, Instant to) {
        WindowStore<String, JudgedWindow> store = driver.getWindowStore(Names.STORE_WINDOW_HISTORY);
        List<KeyValue<Long, JudgedWindow>> entries = new ArrayList<>();
        try (WindowStoreIterator<JudgedWindow> it = store.fetch(service, from, to)) {
            it.forEachRemaining(entries::add);
        }
        return entries;
    }

    private List<IncidentSummary> incidents() {
        KeyValueStore<String, IncidentSummary> store = driver.getKeyValueStore(Names.STORE_INCIDENT_HISTORY);
        List<IncidentSummary> all = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(entry -> all.add(entry.value));
        }
        return all;
    }

    private static List<Long> minuteStarts(Instant from, int n) {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starts.add(from.plus(Duration.ofMinutes(i)).toEpochMilli());
        }
        return starts;
    }

    /** {@code perMinute} posts with the text in every minute of [from, from + minutes); returns the end. */
    private Instant minutes(Instant from, int minutes, int perMinute, String text) {
        for (int m = 0; m < minutes; m++) {
            for (int i = 0; i < perMinute; i++) {
                Instant at = from.plus(Duration.ofMinutes(m)).plusSeconds(i * 60L / perMinute);
                String json = "{\"id\":\"" + nextId + "\",\"created_at\":\"" + at + "\",\"text\":\"" + text
                        + "\",\"author\":\"u" + nextId + "\"}";
                nextId++;
                posts.pipeInput(null, json.getBytes(StandardCharsets.UTF_8), at);
            }
        }
        return from.plus(Duration.ofMinutes(minutes));
    }
}
