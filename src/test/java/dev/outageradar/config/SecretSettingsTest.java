package dev.outageradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Secrets pass through to Kafka and the API, and are shown nowhere: not in a config dump, a log or an error. */
class SecretSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"alice\" password=\"alice-Pa55word\";";
    private static final Map<String, String> SECURED = Map.of(
            "OUTAGE_RADAR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "OUTAGE_RADAR_KAFKA_SASL_MECHANISM", "PLAIN",
            "OUTAGE_RADAR_KAFKA_SASL_JAAS_CONFIG", JAAS,
            "OUTAGE_RADAR_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
            "OUTAGE_RADAR_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-Pa55word",
            "OUTAGE_RADAR_KAFKA_SSL_KEYSTORE_PASSWORD", "keystore-Pa55word",
            "OUTAGE_RADAR_KAFKA_SSL_KEY_PASSWORD", "key-Pa55word",
            "OUTAGE_RADAR_API_TOKEN", "api-T0ken");
    private static final List<String> SECRETS = List.of("alice-Pa55word", "trust-Pa55word", "keystore-Pa55word",
            "key-Pa55word", "api-T0ken");

    @TempDir
    Path temp;

    private AppConfig secured() {
        return ConfigLoader.load(temp.resolve("none"), true, SECURED, Map.of());
    }

    @Test
    void securitySettingsFromTheEnvironmentReachKafkaStreamsAndEveryPlainClient() {
        AppConfig config = secured();

        Properties streams = StreamsProperties.of(config, "kafka:9093");
        Properties clients = StreamsProperties.clientsOf(config, "kafka:9093");

        for (Properties props : List.of(streams, clients)) {
            assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                    .containsEntry("sasl.jaas.config", JAAS)
                    .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                    .containsEntry("ssl.truststore.password", "trust-Pa55word")
                    .containsEntry("ssl.keystore.password", "keystore-Pa55word")
                    .containsEntry("ssl.key.password", "key-Pa55word");
        }
        assertThat(config.api().token()).map(Secret::reveal).contains("api-T0ken");
    }

    @Test
    void theConfigurationDumpHidesEverySecretAndShowsTheRest() {
        String dump = secured().toString();

        assertThat(dump).doesNotContain(SECRETS).doesNotContain("alice")
                .contains("sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]", "ssl.key.password=[hidden]",
                        "security.protocol=SASL_SSL", "ssl.truststore.location=/etc/kafka/truststore.p12",
                        "token=Optional[[hidden]]");
    }

    @Test
    void kafkaLogsTheSettingsOfStreamsAndItsClientsWithPasswordsHidden() {
        AppConfig config = secured();
        // Each config class logs its values at INFO when created (the app keeps org.apache.kafka at WARN).
        Logger kafkaConfigLog = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Level before = kafkaConfigLog.getLevel();
        kafkaConfigLog.setLevel(Level.INFO);
        kafkaConfigLog.addAppender(captured);
        try {
            new StreamsConfig(StreamsProperties.of(config, "kafka:9093"));
            Properties producer = StreamsProperties.clientsOf(config, "kafka:9093");
            producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            new ProducerConfig(producer);
            Properties consumer = StreamsProperties.clientsOf(config, "kafka:9093");
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            new ConsumerConfig(consumer);
        } finally {
            kafkaConfigLog.detachAppender(captured);
            kafkaConfigLog.setLevel(before);
        }

        List<String> logged = captured.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains(" values: ")).toList();
        // StreamsConfig does not list the security settings (it hands them to its clients, which do); the
        // admin client takes the same properties as the producer and the consumer (clientsOf).
        assertThat(logged).hasSize(3).allSatisfy(values -> assertThat(values).doesNotContain(SECRETS));
        assertThat(logged.subList(1, 3)).allSatisfy(values -> assertThat(values)
                .contains("sasl.jaas.config = [hidden]", "ssl.truststore.password = [hidden]",
                        "ssl.keystore.password = [hidden]", "ssl.key.password = [hidden]"));
    }

    @Test
    void anInvalidTokenIsReportedWithoutItsValue() {
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true,
                Map.of("OUTAGE_RADAR_API_TOKEN", "not a t0ken"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("api.token=\"[hidden]\" (environment OUTAGE_RADAR_API_TOKEN) is invalid: expected "
                        + "letters, digits and -._~+/")
                .message().doesNotContain("t0ken");
    }

    @Test
    void theTokenCanComeFromAFileButNotFromBothPlaces() throws IOException {
        Path file = temp.resolve("token");
        Files.writeString(file, "c2VjcmV0LXRva2Vu\n");

        AppConfig fromFile = ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("api.token.file", file.toString()));

        assertThat(fromFile.api().token()).map(Secret::reveal).contains("c2VjcmV0LXRva2Vu");
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of("OUTAGE_RADAR_API_TOKEN", "abc"),
                Map.of("api.token.file", file.toString())))
                .hasMessage("api.token (environment OUTAGE_RADAR_API_TOKEN) and api.token.file (--set api.token.file) "
                        + "are both set: use one");
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("api.token.file", temp.resolve("missing").toString())))
                .hasMessage("api.token.file=\"" + temp.resolve("missing") + "\" (--set api.token.file) cannot be read: "
                        + "NoSuchFileException");
    }

    @Test
    void aSecretComparesInConstantTimeAndNeverPrintsItself() {
        Secret token = new Secret("api-T0ken");

        assertThat(token.matches("api-T0ken")).isTrue();
        assertThat(token.matches("api-T0ke")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token).hasToString("[hidden]");
        assertThat(String.valueOf(new ApiSettings(true, "0.0.0.0", 8080, java.util.Optional.of(token))))
                .doesNotContain("api-T0ken");
    }
}
