package dev.outageradar.topology;

import static dev.outageradar.topology.OutageFeed.header;
import static dev.outageradar.topology.OutageFeed.headersAsJson;
import static dev.outageradar.topology.OutageFeed.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.alert.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every event the topology writes for a feed with a whole outage and a mix of bad posts matches its
 * shipped JSON Schema, byte for byte as it lands on the topic.
 */
class OutageTopologySchemaTest {

    private static final Instant DAY = Instant.parse("2024-09-29T00:00:00Z");

    private final OutageFeed feed = new OutageFeed();

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void everyAlertOfAnOutageMatchesTheAlertSchema() {
        Instant burst = feed.minutes(DAY, 180, 2, "is spotify down?");
        Instant worse = feed.minutes(burst, 2, 30, "spotify not working, can't log in #SpotifyDown");
        Instant calm = feed.minutes(worse, 3, 200, "spotify not working, can't log in #SpotifyDown");
        feed.minutes(calm, 30, 2, "is spotify down?");

        var alerts = feed.alerts();

        assertThat(alerts).extracting(record -> json(record.value()).get("type").asText())
                .containsExactly("OUTAGE_SUSPECTED", "OUTAGE_UPDATED", "OUTAGE_RESOLVED");
        assertThat(alerts).allSatisfy(record ->
                assertThat(EventSchemas.ALERT.violations(json(record.value()))).isEmpty());
    }

    @Test
    void everyServiceCountInAndOutOfAnIncidentMatchesTheCountSchema() {
        Instant burst = feed.minutes(DAY, 180, 2, "is spotify down?");
        Instant calm = feed.minutes(burst, 5, 200, "spotify not working #SpotifyDown");
        feed.minutes(calm, 30, 2, "is spotify down?");

        var counts = feed.counts();

        assertThat(counts).hasSizeGreaterThan(200)
                .anySatisfy(record -> assertThat(json(record.value()).get("incident_id").isNull()).isTrue())
                .anySatisfy(record -> assertThat(json(record.value()).get("incident_id").isTextual()).isTrue())
                .allSatisfy(record ->
                        assertThat(EventSchemas.SERVICE_COUNT.violations(json(record.value()))).isEmpty());
    }

    @Test
    void everyDeadLetterOfEachKindOfBadPostHasHeadersMatchingTheDeadLetterSchema() {
        bad("not json");
        bad(null);
        bad("[1, 2]");
        bad("{\"created_at\":\"2024-09-29T00:00:00Z\"}");
        bad("{\"text\":\"spotify down\"}");
        bad("{\"text\":\"spotify down\",\"created_at\":\"soon\"}");
        bad("{\"text\":\"" + "a".repeat(4_001) + "\",\"created_at\":\"2024-09-29T00:00:00Z\"}");
        var traced = new RecordHeaders().add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        feed.pipe(new TestRecord<>(null, "{}".getBytes(StandardCharsets.UTF_8), traced, DAY));

        List<TestRecord<byte[], byte[]>> dead = feed.deadLetters();

        assertThat(dead).extracting(record -> header(record.headers(), DeadLetterHeaders.REASON)).containsExactly(
                "NOT_JSON", "NULL_VALUE", "NOT_AN_OBJECT", "MISSING_TEXT", "MISSING_CREATED_AT", "BAD_TIMESTAMP",
                "TEXT_TOO_LONG", "MISSING_TEXT");
        assertThat(header(dead.get(7).headers(), "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(dead).allSatisfy(record ->
                assertThat(EventSchemas.DEAD_LETTER.violations(headersAsJson(record.headers()))).isEmpty());
    }

    @Test
    void aDeadLetterCutToBeSentAndOneWithForgedDlqHeadersMatchTheSchema() {
        var forged = new RecordHeaders().add(DeadLetterHeaders.REASON, "FORGED".getBytes(StandardCharsets.UTF_8))
                .add("dlq.retries", "3".getBytes(StandardCharsets.UTF_8));
        feed.pipe(new TestRecord<>(null, "not json".getBytes(StandardCharsets.UTF_8), forged, DAY));
        bad("x".repeat(1_048_300));

        List<TestRecord<byte[], byte[]>> dead = feed.deadLetters();

        assertThat(dead.get(0).headers().headers(DeadLetterHeaders.REASON)).singleElement()
                .extracting(h -> new String(h.value(), StandardCharsets.UTF_8)).isEqualTo("NOT_JSON");
        assertThat(dead.get(0).headers().lastHeader("dlq.retries")).isNull();
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.TRUNCATED)).startsWith("value cut from 1048300 to ");
        assertThat(dead).allSatisfy(record ->
                assertThat(EventSchemas.DEAD_LETTER.violations(headersAsJson(record.headers()))).isEmpty());
    }

    private void bad(String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        feed.pipe(new TestRecord<>(null, bytes, new RecordHeaders(), DAY));
    }
}
