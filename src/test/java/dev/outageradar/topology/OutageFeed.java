package dev.outageradar.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology in a TopologyTestDriver, fed posts minute by minute, with its output topics read
 * as the bytes and headers a consumer gets (not through the app's own deserializers).
 */
final class OutageFeed implements AutoCloseable {

    static final String APPLICATION_ID = "outage-radar-test";
    private static final ComplaintMatcher MATCHER =
            ComplaintMatcher.compile(ServiceCatalog.load(Path.of("config/services.yaml")));

    private final TopologySettings settings = TopologySettings.defaults();
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> posts;
    private final TestOutputTopic<byte[], byte[]> alerts;
    private final TestOutputTopic<byte[], byte[]> counts;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private int nextId;

    OutageFeed() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(OutageTopology.build(settings, MATCHER), props);
        posts = driver.createInputTopic(settings.topics().posts(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = output(settings.topics().alerts());
        counts = output(settings.topics().counts());
        deadLetters = output(settings.topics().deadLetters());
    }

    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** {@code perMinute} posts with the text in every minute of [from, from + minutes); returns the end. */
    Instant minutes(Instant from, int minutes, int perMinute, String text) {
        for (int m = 0; m < minutes; m++) {
            for (int i = 0; i < perMinute; i++) {
                Instant at = from.plus(Duration.ofMinutes(m)).plusSeconds(i * 60L / perMinute);
                ObjectNode post = JsonFormat.mapper().createObjectNode().put("id", Integer.toString(nextId++))
                        .put("created_at", at.toString()).put("text", text).put("author", "u" + nextId);
                posts.pipeInput(null, post.toString().getBytes(StandardCharsets.UTF_8), at);
            }
        }
        return from.plus(Duration.ofMinutes(minutes));
    }

    void pipe(TestRecord<byte[], byte[]> record) {
        posts.pipeInput(record);
    }

    List<TestRecord<byte[], byte[]>> alerts() {
        return alerts.readRecordsToList();
    }

    List<TestRecord<byte[], byte[]>> counts() {
        return counts.readRecordsToList();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JsonFormat.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Headers as one JSON object of name to UTF-8 value, the form the dead-letter schema describes. */
    static ObjectNode headersAsJson(Headers headers) {
        ObjectNode object = JsonFormat.mapper().createObjectNode();
        for (Header header : headers) {
            object.put(header.key(), header(headers, header.key()));
        }
        return object;
    }

    @Override
    public void close() {
        driver.close();
    }
}
