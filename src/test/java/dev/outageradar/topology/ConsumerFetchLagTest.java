package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.Await;
import dev.outageradar.broker.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lag a quiet posts partition must be drained of before it goes idle, read from a real consumer. */
@Tag("integration")
@Timeout(120)
class ConsumerFetchLagTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final int POSTS = 10;

    @Test
    void followsWhatTheConsumerHasLeftToFetchSkippingTransactionMarkers() {
        // A dot in the name: the consumer tags its metrics with both "social.posts" and "social_posts".
        String topic = KAFKA.uniqueName("social.posts");
        KAFKA.createTopics(2, topic);
        produceInOneTransaction(topic, 0);
        ConsumerFetchLag lag = new ConsumerFetchLag();

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 3,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            lag.attach(consumer::metrics);
            assertThat(lag.unread(topic, 0)).as("before any fetch").isEmpty();
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            int read = 0;
            while (read == 0) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertThat(read).isLessThan(POSTS);
            assertThat(lag.unread(topic, 0).orElse(-1)).as("left to fetch after the first poll").isPositive();

            int[] total = {read};
            Await.until("the consumer reports both partitions drained", Duration.ofSeconds(60), () -> {
                total[0] += consumer.poll(Duration.ofMillis(200)).count();
                return lag.unread(topic, 0).equals(OptionalLong.of(0)) && lag.unread(topic, 1).isPresent();
            });
            assertThat(total[0]).isEqualTo(POSTS);
            assertThat(lag.unread(topic, 1)).as("a partition that never had a post").hasValue(0);
            assertThat(lag.unread(topic, 2)).as("no such partition").isEmpty();
            assertThat(lag.unread("other", 0)).as("a topic this consumer does not read").isEmpty();
        }
    }

    private static void produceInOneTransaction(String topic, int partition) {
        Map<String, Object> config = KAFKA.producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KAFKA.uniqueName("tx"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < POSTS; i++) {
                producer.send(new ProducerRecord<>(topic, partition, null, ("post " + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.commitTransaction();
        }
    }
}
