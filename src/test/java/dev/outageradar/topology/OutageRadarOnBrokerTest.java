package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.Await;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.replay.FeedProducer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The production topology on a real broker: a feed with an outage in, alert events out. */
@Tag("integration")
@Timeout(180)
class OutageRadarOnBrokerTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final Instant START = Instant.parse("2024-09-30T10:00:00Z");
    private static final int PARTITIONS = 3;

    @TempDir
    Path temp;

    @Test
    void feedWithAnOutageGivesSuspectedThenResolvedAndBadLinesGoToTheDeadLetterTopic() throws IOException {
        Topics topics = new Topics(KAFKA.uniqueName("posts"), KAFKA.uniqueName("posts.dlq"),
                KAFKA.uniqueName("alerts"), KAFKA.uniqueName("counts"));
        KAFKA.createTopics(PARTITIONS, topics.all().toArray(String[]::new));
        Path feed = writeFeed();
        TopologySettings settings = TopologySettings.defaults().withTopics(topics).withPostsPartitions(PARTITIONS);
        var matcher = ComplaintMatcher.compile(ServiceCatalog.load(Path.of("config/services.yaml")));

        ConsumerFetchLag lag = new ConsumerFetchLag();
        try (KafkaStreams streams = new KafkaStreams(OutageTopology.build(settings, matcher,
                PipelineMetrics.unpublished(), lag), streamsProps())) {
            lag.attach(streams);
            streams.start();
            long sent = FeedProducer.sendLines(feed, topics.posts(), clientProps());

            List<ConsumerRecord<String, String>> alerts = KAFKA.consume(topics.alerts(),
                    read -> read.stream().anyMatch(r -> r.value().contains("OUTAGE_RESOLVED")),
                    Duration.ofSeconds(120), true);
            List<ConsumerRecord<String, String>> dead = KAFKA.consume(topics.deadLetters(), 2,
                    Duration.ofSeconds(30), true);

            assertThat(sent).isEqualTo(lines);
            assertThat(alerts).extracting(ConsumerRecord::key).containsOnly("spotify");
            List<JsonNode> events = alerts.stream().map(r -> json(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly("OUTAGE_SUSPECTED", "OUTAGE_RESOLVED");
            assertThat(events.get(0).get("incident_id").asText()).isEqualTo("spotify-20240930T1300Z");
            assertThat(events.get(0).get("window_start").asText()).isEqualTo("2024-09-30T13:00:00Z");
            assertThat(events.get(0).get("count").asLong()).isEqualTo(200);
            assertThat(events.get(1).get("incident_id").asText()).isEqualTo("spotify-20240930T1300Z");
            assertThat(events.get(1).get("detected_at").asText()).isEqualTo("2024-09-30T13:35:00Z");
            assertThat(dead).extracting(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                    StandardCharsets.UTF_8)).containsExactlyInAnyOrder("NOT_JSON", "MISSING_CREATED_AT");
            assertThat(dead).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("this line is not json", "{\"text\":\"spotify down\"}");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            // What lets a quiet posts partition go idle: its stream thread's consumer reports it drained.
            Await.until("every posts partition reported drained", Duration.ofSeconds(60), () ->
                    IntStream.range(0, PARTITIONS).allMatch(p -> lag.unread(topics.posts(), p).equals(OptionalLong.of(0))));
        }
    }

    private long lines;

    /**
     * Three quiet hours (spotify 2 and netflix 1 complaint a minute), 20 minutes of 200 spotify complaints
     * a minute, then 40 minutes in which spotify is never mentioned again and only unrelated posts and
     * netflix move event time on: spotify's detector partition gets no record of its own, only ticks.
     * Two malformed lines in the first hour.
     */
    private Path writeFeed() throws IOException {
        List<String> feed = new ArrayList<>();
        for (int minute = 0; minute < 240; minute++) {
            boolean outage = minute >= 180 && minute < 200;
            int spotify = outage ? 200 : minute >= 200 ? 0 : 2;
            for (int i = 0; i < spotify; i++) {
                feed.add(post(minute, i * 60.0 / spotify, "is spotify down? #SpotifyDown", "s" + minute + "-" + i));
            }
            feed.add(post(minute, 30, "netflix not working for me", "n" + minute));
            feed.add(post(minute, 45, "lovely weather today", "w" + minute));
            if (minute == 10) {
                feed.add("this line is not json");
            }
            if (minute == 20) {
                feed.add("{\"text\":\"spotify down\"}");
            }
        }
        lines = feed.size();
        Path file = temp.resolve("feed.jsonl");
        Files.write(file, feed);
        return file;
    }

    private static String post(int minute, double second, String text, String author) {
        Instant at = START.plus(Duration.ofMinutes(minute)).plusMillis((long) (second * 1000));
        return "{\"created_at\":\"" + at + "\",\"text\":\"" + text + "\",\"author\":\"" + author + "\"}";
    }

    private Properties streamsProps() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, KAFKA.uniqueName("outage-radar"));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, temp.resolve("state").toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        return props;
    }

    private static Properties clientProps() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA.bootstrapServers());
        return props;
    }

    private static JsonNode json(String value) {
        try {
            return JsonFormat.mapper().readTree(value);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }
}
