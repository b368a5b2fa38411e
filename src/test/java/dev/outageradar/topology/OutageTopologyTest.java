package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.ServiceCount;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production topology, driven record by record without a broker. */
class OutageTopologyTest {

    private static final Instant DAY = Instant.parse("2024-09-29T00:00:00Z");
    private static final ComplaintMatcher MATCHER =
            ComplaintMatcher.compile(ServiceCatalog.load(Path.of("config/services.yaml")));

    private final TopologySettings settings = TopologySettings.defaults();
    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> posts;
    private TestOutputTopic<String, AlertEvent> alerts;
    private TestOutputTopic<String, ServiceCount> counts;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private int nextId;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "outage-radar-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(OutageTopology.build(settings, MATCHER, new PipelineMetrics(meters)), props);
        posts = driver.createInputTopic(settings.topics().posts(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(settings.topics().alerts(), Serdes.String().deserializer(),
                OutageTopology.ALERT_SERDE.deserializer());
        counts = driver.createOutputTopic(settings.topics().counts(), Serdes.String().deserializer(),
                OutageTopology.COUNT_SERDE.deserializer());
        deadLetters = driver.createOutputTopic(settings.topics().deadLetters(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void post(Instant at, String text) {
        post(at, text, "u" + (nextId + 1));
    }

    private void post(Instant at, String text, String author) {
        String json = "{\"id\":\"" + (nextId++) + "\",\"created_at\":\"" + at + "\",\"text\":\"" + text
                + "\",\"author\":\"" + author + "\"}";
        // The broker time is deliberately wrong: event time must come from created_at.
        posts.pipeInput(null, json.getBytes(StandardCharsets.UTF_8), Instant.parse("2030-01-01T00:00:00Z"));
    }

    /** {@code perMinute} posts with the text in every minute of [from, from + minutes). */
    private void minutes(Instant from, int minutes, int perMinute, String text) {
        for (int m = 0; m < minutes; m++) {
            for (int i = 0; i < perMinute; i++) {
                post(from.plus(Duration.ofMinutes(m)).plusSeconds(i * 60L / perMinute), text);
            }
        }
    }

    @Test
    void burstGivesExactlyOneSuspectedThenOneResolved() {
        minutes(DAY, 180, 2, "is spotify down?");
        Instant burst = DAY.plus(Duration.ofMinutes(180));
        minutes(burst, 20, 200, "spotify not working, can't log in #SpotifyDown");
        minutes(burst.plus(Duration.ofMinutes(20)), 30, 2, "is spotify down?");

        List<AlertEvent> events = alerts.readValuesToList();

        assertThat(events).extracting(AlertEvent::type)
                .containsExactly(IncidentEventType.OUTAGE_SUSPECTED, IncidentEventType.OUTAGE_RESOLVED);
        AlertEvent suspected = events.get(0);
        assertThat(suspected.service()).isEqualTo("spotify");
        assertThat(suspected.incidentId()).isEqualTo("spotify-20240929T0300Z");
        assertThat(suspected.windowStart()).isEqualTo(burst);
        assertThat(suspected.detectedAt()).isEqualTo(burst.plus(Duration.ofMinutes(1)));
        assertThat(suspected.count()).isEqualTo(200);
        assertThat(suspected.expected()).isEqualTo(2.0);
        assertThat(suspected.schemaVersion()).isEqualTo(1);
        assertThat(suspected.samplePosts()).hasSize(3).allMatch(text -> text.startsWith("spotify not working"));
        AlertEvent resolved = events.get(1);
        assertThat(resolved.incidentId()).isEqualTo(suspected.incidentId());
        assertThat(resolved.peakCount()).isEqualTo(200);
        // The quiet period (15 minutes) after the burst's last window.
        assertThat(resolved.detectedAt()).isEqualTo(burst.plus(Duration.ofMinutes(35)));
        assertThat(alertCount(IncidentEventType.OUTAGE_SUSPECTED, suspected.severity())).isEqualTo(1.0);
        assertThat(alertCount(IncidentEventType.OUTAGE_RESOLVED, resolved.severity())).isEqualTo(1.0);
        assertThat(total(PipelineMetrics.ALERTS)).isEqualTo(2.0);
    }

    @Test
    void oneAccountPostingHundredsOfComplaintsCountsOncePerHour() {
        minutes(DAY, 180, 2, "is spotify down?");
        Instant spam = DAY.plus(Duration.ofMinutes(180));
        for (int i = 0; i < 500; i++) {
            post(spam.plusMillis(i * 7_000L), "SPOTIFY IS DOWN AGAIN #SpotifyDown", "angry-fan");
        }
        minutes(spam.plus(Duration.ofMinutes(60)), 30, 2, "is spotify down?");

        assertThat(alerts.isEmpty()).isTrue();
        List<ServiceCount> published = counts.readValuesToList();
        // The account's first complaint counts; its next 499, all within the hour, do not, so the
        // following windows are empty (and not published) until ordinary traffic resumes.
        assertThat(published.get(180).windowStart()).isEqualTo(spam);
        assertThat(published.get(180).count()).isEqualTo(1);
        assertThat(published.get(181).windowStart()).isEqualTo(spam.plus(Duration.ofMinutes(60)));
        assertThat(published.get(181).count()).isEqualTo(2);
        assertThat(count(PipelineMetrics.REPEAT_COMPLAINTS, PipelineMetrics.TAG_SERVICE, "spotify")).isEqualTo(499.0);
    }

    @Test
    void steadyTrafficGivesNoAlertAndCountsEveryWindow() {
        minutes(DAY, 240, 3, "is spotify down?");

        assertThat(alerts.isEmpty()).isTrue();
        List<ServiceCount> published = counts.readValuesToList();
        // The last windows are still open: within grace of the last post, or not yet reached by a tick.
        assertThat(published).hasSizeBetween(237, 239).allSatisfy(count -> {
            assertThat(count.service()).isEqualTo("spotify");
            assertThat(count.count()).isEqualTo(3);
            assertThat(count.anomalous()).isFalse();
        });
        assertThat(published.get(200).expected()).isEqualTo(3.0);
        assertThat(published.get(200).threshold()).isEqualTo(15); // P(X >= 15 | 3) is below one in a million
    }

    @Test
    void eventTimeLagIsTheWallClockMinusTheEndOfTheNewestJudgedWindow() {
        assertThat(meters.get(PipelineMetrics.EVENT_TIME_LAG).gauge().value()).isNaN();
        minutes(DAY, 10, 3, "is spotify down?");
        long newestJudgedEnd = counts.readValuesToList().stream()
                .mapToLong(count -> count.windowEnd().toEpochMilli()).max().orElseThrow();

        clock.add(newestJudgedEnd + 90_000 - clock.wallTime(), TimeUnit.MILLISECONDS);

        assertThat(meters.get(PipelineMetrics.EVENT_TIME_LAG).gauge().value()).isEqualTo(90.0);
    }

    @Test
    void aServiceThatFallsSilentStillGetsItsIncidentResolved() {
        minutes(DAY, 120, 2, "is spotify down?");
        Instant burst = DAY.plus(Duration.ofMinutes(120));
        minutes(burst, 10, 100, "spotify down");
        // Spotify is never mentioned again; only unrelated posts move event time on.
        minutes(burst.plus(Duration.ofMinutes(10)), 30, 1, "lovely weather today");

        assertThat(alerts.readValuesToList()).extracting(AlertEvent::type, AlertEvent::service).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IncidentEventType.OUTAGE_SUSPECTED, "spotify"),
                org.assertj.core.groups.Tuple.tuple(IncidentEventType.OUTAGE_RESOLVED, "spotify"));
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndProcessingContinues() {
        post(DAY, "is spotify down?");
        posts.pipeInput(null, "not json".getBytes(StandardCharsets.UTF_8), DAY);
        posts.pipeInput(null, (byte[]) null, DAY);
        posts.pipeInput(null, "{\"text\":\"spotify down\",\"created_at\":\"soon\"}".getBytes(StandardCharsets.UTF_8), DAY);
        minutes(DAY.plusSeconds(60), 3, 1, "is spotify down?");

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();

        assertThat(dead).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactly("NOT_JSON", "NULL_VALUE", "BAD_TIMESTAMP");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(dead.get(0).headers().lastHeader(DeadLetterHeaders.SOURCE_OFFSET)).isNotNull();
        assertThat(header(dead.get(2), DeadLetterHeaders.DETAIL)).contains("soon");
        assertThat(count(PipelineMetrics.DEAD_LETTERS, PipelineMetrics.TAG_REASON, "NOT_JSON")).isEqualTo(1.0);
        assertThat(count(PipelineMetrics.DEAD_LETTERS, PipelineMetrics.TAG_REASON, "NULL_VALUE")).isEqualTo(1.0);
        assertThat(count(PipelineMetrics.DEAD_LETTERS, PipelineMetrics.TAG_REASON, "BAD_TIMESTAMP")).isEqualTo(1.0);
        assertThat(total(PipelineMetrics.DEAD_LETTERS)).isEqualTo(3.0);
        assertThat(meters.get(PipelineMetrics.POSTS).counter().count()).isEqualTo(7.0);
        assertThat(counts.readValuesToList()).extracting(ServiceCount::count).startsWith(1L, 1L);
    }

    @Test
    void complaintsLaterThanGraceAreCountedAsLateNotAddedToAClosedWindow() {
        minutes(DAY, 5, 1, "is spotify down?");
        post(DAY.plusSeconds(10), "is spotify down?"); // its window closed at 00:01:30

        List<ServiceCount> published = counts.readValuesToList();

        assertThat(published.get(0).count()).isEqualTo(1);
        assertThat(count(PipelineMetrics.LATE_COMPLAINTS, PipelineMetrics.TAG_SERVICE, "spotify")).isEqualTo(1.0);
        assertThat(count(PipelineMetrics.COMPLAINTS, PipelineMetrics.TAG_SERVICE, "spotify")).isEqualTo(5.0);
    }

    @Test
    void aServicesFirstComplaintsArrivingOutOfOrderWithinGraceAreAllCounted() {
        post(DAY.plusSeconds(70), "is spotify down?");
        post(DAY.plusSeconds(50), "is spotify down?"); // its window closes at 00:01:30: still open
        minutes(DAY.plus(Duration.ofMinutes(2)), 3, 1, "lovely weather today");

        assertThat(counts.readValuesToList()).extracting(ServiceCount::windowStart, ServiceCount::count)
                .startsWith(org.assertj.core.groups.Tuple.tuple(DAY, 1L),
                        org.assertj.core.groups.Tuple.tuple(DAY.plus(Duration.ofMinutes(1)), 1L));
        assertThat(total(PipelineMetrics.LATE_COMPLAINTS)).isZero();
    }

    @Test
    void aPostFromTheFarFutureIsDeadLetteredAndClosesNoWindow() {
        minutes(DAY, 3, 2, "is spotify down?");
        post(Instant.parse("2099-01-01T00:00:00Z"), "is spotify down?"); // its record says 2030
        minutes(DAY.plus(Duration.ofMinutes(3)), 3, 2, "is spotify down?");

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();

        assertThat(dead).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsExactly("TIMESTAMP_IN_FUTURE");
        assertThat(header(dead.get(0), DeadLetterHeaders.DETAIL)).startsWith(
                "created_at 2099-01-01T00:00:00Z is more than 5m after the time its record reached Kafka");
        // Every window of the six minutes closes with both of its posts: none was late.
        assertThat(counts.readValuesToList()).extracting(ServiceCount::windowStart, ServiceCount::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DAY, 2L),
                org.assertj.core.groups.Tuple.tuple(DAY.plus(Duration.ofMinutes(1)), 2L),
                org.assertj.core.groups.Tuple.tuple(DAY.plus(Duration.ofMinutes(2)), 2L),
                org.assertj.core.groups.Tuple.tuple(DAY.plus(Duration.ofMinutes(3)), 2L),
                org.assertj.core.groups.Tuple.tuple(DAY.plus(Duration.ofMinutes(4)), 2L));
        assertThat(total(PipelineMetrics.LATE_COMPLAINTS)).isZero();
        assertThat(total(PipelineMetrics.DEAD_LETTERS)).isEqualTo(1.0);
    }

    private static String header(TestRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private double alertCount(IncidentEventType type, Severity severity) {
        return meters.get(PipelineMetrics.ALERTS).tag(PipelineMetrics.TAG_TYPE, type.name())
                .tag(PipelineMetrics.TAG_SEVERITY, severity.name()).counter().count();
    }

    private double total(String meter) {
        return meters.find(meter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double count(String meter, String tag, String value) {
        return meters.get(meter).tag(tag, value).counter().count();
    }
}
