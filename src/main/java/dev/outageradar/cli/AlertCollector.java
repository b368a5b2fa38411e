package dev.outageradar.cli;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.AlertLine;
import dev.outageradar.topology.OutageTopology;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the alert topic from the beginning, as a consumer of alerts would (read_committed: only events
 * of committed transactions), printing each event as it arrives and keeping it for the summary.
 */
final class AlertCollector implements AutoCloseable {

    private final KafkaConsumer<String, AlertEvent> consumer;
    private final PrintWriter out;
    private final List<AlertEvent> events = new ArrayList<>();

    AlertCollector(Properties clientProps, String topic, PrintWriter out) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                OutageTopology.ALERT_SERDE.deserializer());
        this.out = out;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once and prints what arrived; call from one thread only. */
    void poll(Duration timeout) {
        for (ConsumerRecord<String, AlertEvent> record : consumer.poll(timeout)) {
            events.add(record.value());
            out.println(AlertLine.format(record.value()));
            out.flush();
        }
    }

    List<AlertEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
