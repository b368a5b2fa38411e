package dev.outageradar.topology;

import static dev.outageradar.topology.OutageFeed.header;
import static dev.outageradar.topology.OutageFeed.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alert records carry CloudEvents 1.0 attributes as binary-mode {@code ce_*} headers. */
class AlertCloudEventsTest {

    private static final Instant DAY = Instant.parse("2024-09-29T00:00:00Z");

    private final OutageFeed feed = new OutageFeed();

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void eachAlertOfAnOutageCarriesItsCloudEventAttributes() {
        Instant burst = feed.minutes(DAY, 180, 2, "is spotify down?");
        Instant worse = feed.minutes(burst, 2, 30, "spotify not working, can't log in #SpotifyDown");
        Instant calm = feed.minutes(worse, 3, 200, "spotify not working, can't log in #SpotifyDown");
        feed.minutes(calm, 30, 2, "is spotify down?");

        var alerts = feed.alerts();

        assertThat(alerts).hasSize(3).allSatisfy(record -> {
            var body = json(record.value());
            assertThat(ceHeaders(record)).isEqualTo(Map.of(
                    "ce_specversion", "1.0",
                    "ce_id", body.get("incident_id").asText() + "/" + body.get("sequence").asInt(),
                    "ce_source", "urn:outage-radar:" + OutageFeed.APPLICATION_ID,
                    "ce_type", "dev.outageradar.outage." + body.get("type").asText().substring("OUTAGE_".length())
                            .toLowerCase(),
                    "ce_time", body.get("detected_at").asText(),
                    "ce_subject", "spotify",
                    "ce_dataschema", "urn:outage-radar:schema:outage-alert:v1",
                    "content-type", "application/json"));
        });
        assertThat(alerts).extracting(record -> header(record.headers(), CloudEventHeaders.ID)).containsExactly(
                "spotify-20240929T0300Z/1", "spotify-20240929T0300Z/2", "spotify-20240929T0300Z/3");
        assertThat(alerts).extracting(record -> header(record.headers(), CloudEventHeaders.TYPE)).containsExactly(
                "dev.outageradar.outage.suspected", "dev.outageradar.outage.updated", "dev.outageradar.outage.resolved");
        assertThat(header(alerts.get(0).headers(), CloudEventHeaders.TIME)).isEqualTo("2024-09-29T03:01:00Z");
    }

    @Test
    void headersOfThePostsBehindAnAlertDoNotLeakIntoIt() {
        Instant burst = feed.minutes(DAY, 180, 2, "is spotify down?");
        var forged = new RecordHeaders().add("ce_type", "forged".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 200; i++) {
            String post = "{\"created_at\":\"" + burst.plusMillis(i * 250L) + "\",\"text\":\"spotify down\","
                    + "\"author\":\"a" + i + "\"}";
            feed.pipe(new TestRecord<>(null, post.getBytes(StandardCharsets.UTF_8), forged, burst));
        }
        feed.minutes(burst.plusSeconds(60), 3, 2, "is spotify down?");

        var alerts = feed.alerts();

        assertThat(alerts).isNotEmpty().allSatisfy(record ->
                assertThat(record.headers().headers(CloudEventHeaders.TYPE)).extracting(Header::value)
                        .containsExactly("dev.outageradar.outage.suspected".getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> ceHeaders(TestRecord<byte[], byte[]> record) {
        List<Header> all = StreamSupport.stream(record.headers().spliterator(), false).toList();
        assertThat(all).extracting(Header::key).doesNotHaveDuplicates();
        return Map.ofEntries(all.stream()
                .map(h -> Map.entry(h.key(), new String(h.value(), StandardCharsets.UTF_8)))
                .toArray(Map.Entry[]::new));
    }
}
