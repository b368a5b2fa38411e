package dev.outageradar.broker;

import dev.outageradar.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * What integration tests do with a broker: create topics, write records and wait for records, always
 * against a deadline, never with a sleep. {@link KafkaBroker} provides these for its class-wide broker;
 * {@link #of} provides them for a broker a test starts itself.
 */
public abstract class KafkaTestClients {

    private static final Duration POLL_SLICE = Duration.ofSeconds(1);

    public abstract String bootstrapServers();

    public static KafkaTestClients of(String bootstrapServers) {
        return new KafkaTestClients() {
            @Override
            public String bootstrapServers() {
                return bootstrapServers;
            }
        };
    }

    /** Creates the topics with one replica each and returns once the broker has created them. */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            get(admin.createTopics(Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all());
            // Created is not yet described: a loaded broker answers describeTopics with
            // UNKNOWN_TOPIC_OR_PARTITION for a moment after the creation succeeded.
            Await.until("topics " + Arrays.toString(topics) + " described", Duration.ofSeconds(30), () -> {
                try {
                    admin.describeTopics(Arrays.asList(topics)).allTopicNames().get();
                    return true;
                } catch (ExecutionException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** Producer settings for this broker with byte-array serializers, for a test to add to. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /** Sends the records and returns once every one is acknowledged, in the order given. */
    public List<RecordMetadata> produce(List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            producer.flush();
            return sent.stream().map(KafkaTestClients::get).toList();
        }
    }

    /** Sends UTF-8 key/value pairs to one topic (a null key or value stays null). */
    public List<RecordMetadata> produce(String topic, List<KeyValue<String, String>> records) {
        return produce(records.stream().map(kv -> new ProducerRecord<>(topic, utf8(kv.key), utf8(kv.value))).toList());
    }

    /** Reads the topic until {@code expectedCount} records arrived; see the other overload. */
    public List<ConsumerRecord<String, String>> consume(String topic, int expectedCount, Duration deadline,
                                                         boolean readCommitted) {
        return consume(topic, records -> records.size() >= expectedCount, deadline, readCommitted);
    }

    /**
     * Reads every partition of the topic from the beginning, without a consumer group, until the records read
     * so far satisfy {@code done}, and returns them all: possibly more than {@code done} needed when they
     * came in the same poll, so a test that asserts the whole list also sees unexpected extras.
     *
     * @throws AssertionError when the deadline passes first, listing what was read
     */
    public List<ConsumerRecord<String, String>> consume(String topic,
                                                         Predicate<List<ConsumerRecord<String, String>>> done,
                                                         Duration deadline, boolean readCommitted) {
        return consume(topic, done, deadline, consumerConfig(readCommitted, StringDeserializer.class));
    }

    /** As {@link #consume(String, Predicate, Duration, boolean)}, with keys and values as the bytes written. */
    public List<ConsumerRecord<byte[], byte[]>> consumeBytes(String topic,
                                                             Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                                             Duration deadline, boolean readCommitted) {
        return consume(topic, done, deadline, consumerConfig(readCommitted, ByteArrayDeserializer.class));
    }

    /**
     * Every record of the topic from the beginning up to its end as it is when called (read_committed: up to
     * its last stable offset), so that nothing already written is missed, duplicates included.
     */
    public List<ConsumerRecord<String, String>> consumeAll(String topic, Duration deadline, boolean readCommitted) {
        Instant end = Instant.now().plus(deadline);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(readCommitted,
                StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, deadline).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, deadline);
            while (partitions.stream().anyMatch(p -> consumer.position(p, deadline) < ends.get(p))) {
                if (Instant.now().isAfter(end)) {
                    throw new AssertionError("Topic " + topic + " was not read up to " + ends + " within " + deadline);
                }
                consumer.poll(POLL_SLICE).forEach(read::add);
            }
        }
        return read;
    }

    private <T> List<ConsumerRecord<T, T>> consume(String topic, Predicate<List<ConsumerRecord<T, T>>> done,
                                                   Duration deadline, Map<String, Object> config) {
        Instant end = Instant.now().plus(deadline);
        List<ConsumerRecord<T, T>> read = new ArrayList<>();
        try (KafkaConsumer<T, T> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, deadline).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new AssertionError("Topic " + topic + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(read)) {
                Duration left = Duration.between(Instant.now(), end);
                if (left.isNegative()) {
                    throw new AssertionError("Topic " + topic + " did not deliver the expected records within "
                            + deadline + "; read " + read.size() + ": " + read);
                }
                // In slices, so that a condition that turns true without a record (a test's app died) is seen.
                consumer.poll(left.compareTo(POLL_SLICE) < 0 ? left : POLL_SLICE).forEach(read::add);
            }
        }
        return read;
    }

    private Map<String, Object> consumerConfig(boolean readCommitted, Class<?> deserializer) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, deserializer,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, deserializer,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
