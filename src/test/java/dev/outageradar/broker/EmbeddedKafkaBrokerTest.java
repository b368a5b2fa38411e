package dev.outageradar.broker;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@Tag("integration")
@Timeout(120)
class EmbeddedKafkaBrokerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @Test
    void bootstrapAddressIsALoopbackHostAndPort() {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d{2,5}");
    }

    @Test
    void recordsProducedToATopicAreConsumedInOrderWithTheirKeys() {
        String topic = kafka.uniqueName("posts");
        kafka.createTopics(1, topic);

        kafka.produce(topic, List.of(KeyValue.pair("github", "github is down"), KeyValue.pair(null, "no key")));

        List<ConsumerRecord<String, String>> read = kafka.consume(topic, 2, DEADLINE, false);
        assertThat(read).extracting(ConsumerRecord::offset, ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple(0L, "github", "github is down"), tuple(1L, null, "no key"));
    }

    @Test
    void readCommittedConsumersSeeCommittedTransactionsOnlyWithTheirInputOffsetsCommittedToo() {
        String input = kafka.uniqueName("input");
        String output = kafka.uniqueName("output");
        String group = kafka.uniqueName("group");
        kafka.createTopics(1, input, output);
        TopicPartition inputPartition = new TopicPartition(input, 0);

        try (KafkaProducer<String, String> producer = transactionalProducer(kafka.uniqueName("txn"))) {
            producer.initTransactions();
            // What Kafka Streams does under exactly_once_v2: output and input offsets in one transaction.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(output, "k", "committed-1"));
            producer.send(new ProducerRecord<>(output, "k", "committed-2"));
            producer.sendOffsetsToTransaction(Map.of(inputPartition, new OffsetAndMetadata(7)),
                    new ConsumerGroupMetadata(group));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(output, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(output, "k", "committed-3"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> committed = kafka.consume(output, 3, DEADLINE, true);
        assertThat(committed).extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "committed-3");
        List<ConsumerRecord<String, String>> everything = kafka.consume(output, 4, DEADLINE, false);
        assertThat(everything).extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "aborted", "committed-3");
        Map<TopicPartition, OffsetAndMetadata> offsets = KafkaTestClients.get(
                kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        assertThat(offsets).containsOnlyKeys(inputPartition);
        assertThat(offsets.get(inputPartition).offset()).isEqualTo(7);
    }

    @Test
    void kafkaStreamsRunsUnderExactlyOnceV2(@TempDir Path stateDir) {
        String input = kafka.uniqueName("input");
        String output = kafka.uniqueName("output");
        kafka.createTopics(1, input, output);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> value.toUpperCase(Locale.ROOT))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.uniqueName("eos-app"));
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            kafka.produce(input, List.of(KeyValue.pair("github", "down"), KeyValue.pair("slack", "slow")));

            List<ConsumerRecord<String, String>> read = kafka.consume(output, 2, DEADLINE, true);
            assertThat(read).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("github", "DOWN"), tuple("slack", "SLOW"));
        }
    }

    @Test
    void topicsAreNotCreatedByProducingToThem() {
        String typo = kafka.uniqueName("postz");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000), new StringSerializer(), new StringSerializer())) {
            assertThat(producer.send(new ProducerRecord<>(typo, "v")))
                    .failsWithin(Duration.ofSeconds(10));
        }

        assertThat(KafkaTestClients.get(kafka.admin().listTopics().names())).doesNotContain(typo);
    }

    private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
                new StringSerializer(), new StringSerializer());
    }
}
