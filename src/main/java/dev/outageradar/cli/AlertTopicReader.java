package dev.outageradar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.StreamsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The alert topic as on-call tooling sees it: read_committed, so an event counts only once the app's
 * transaction holding it has committed. Reads every partition from the beginning, without a group.
 */
final class AlertTopicReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    AlertTopicReader(AppConfig app, String bootstrap) {
        Properties props = StreamsProperties.clientsOf(app, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        String topic = app.topology().topics().alerts();
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The events that became readable within {@code wait}, as JSON (snake_case, as on the topic). */
    List<JsonNode> poll(Duration wait) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
            try {
                events.add(JsonFormat.mapper().readTree(record.value()));
            } catch (IOException e) {
                throw new UncheckedIOException("not an alert event on the alert topic", e);
            }
        }
        return events;
    }

    /** Whether everything committed so far has been read. */
    boolean atEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    /** Every committed event on the topic now. */
    static long count(AppConfig app, String bootstrap) {
        try (AlertTopicReader reader = new AlertTopicReader(app, bootstrap)) {
            long count = 0;
            do {
                count += reader.poll(Duration.ofMillis(200)).size();
            } while (!reader.atEnd());
            return count;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
