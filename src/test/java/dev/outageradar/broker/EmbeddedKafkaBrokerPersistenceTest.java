package dev.outageradar.broker;

import dev.outageradar.config.ConfigException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Brokers on a data directory the test owns: each test starts its own. */
@Tag("integration")
@Timeout(120)
class EmbeddedKafkaBrokerPersistenceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void topicsAndRecordsSurviveARestartOnTheSameDataDir() {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir)) {
            KafkaTestClients clients = KafkaTestClients.of(first.bootstrapServers());
            clients.createTopics(2, "posts");
            clients.produce("posts", List.of(KeyValue.pair("a", "before restart 1"), KeyValue.pair("a", "before restart 2")));
        }

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dataDir)) {
            KafkaTestClients clients = KafkaTestClients.of(second.bootstrapServers());
            clients.produce("posts", List.of(KeyValue.pair("a", "after restart")));

            List<ConsumerRecord<String, String>> read = clients.consume("posts", 3, DEADLINE, false);
            assertThat(read).extracting(ConsumerRecord::value)
                    .containsExactly("before restart 1", "before restart 2", "after restart");
            assertThat(read).extracting(ConsumerRecord::partition).containsOnly(read.get(0).partition());
        }
    }

    @Test
    void aSecondBrokerOnADataDirInUseIsRefusedWithAOneLineMessage() {
        try (EmbeddedKafkaBroker running = EmbeddedKafkaBroker.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("embedded.data.dir '" + dataDir.toAbsolutePath()
                            + "' is in use by another running broker: stop it or choose another directory");
        }
    }
}
