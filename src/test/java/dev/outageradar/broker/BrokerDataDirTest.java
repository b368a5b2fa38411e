package dev.outageradar.broker;

import dev.outageradar.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data directories the embedded broker must refuse, each with one line the user can act on. */
class BrokerDataDirTest {

    @TempDir
    Path tmp;

    @Test
    void aPathInsideARegularFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "not a directory");
        Path dataDir = file.resolve("kafka");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("embedded.data.dir '" + dataDir + "' cannot be created (")
                .hasMessageEndingWith("): choose a writable directory");
    }

    @Test
    void aDirectoryWithOtherFilesIsRefused() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(tmp))
                .isInstanceOf(ConfigException.class)
                .hasMessage("embedded.data.dir '" + tmp + "' is not empty and holds no Kafka data: choose an empty"
                        + " directory or the one the embedded broker used before");
    }

    @Test
    void anotherKafkaNodesDataIsRefused() throws IOException {
        Files.writeString(tmp.resolve("meta.properties"), "version=1\nnode.id=3\ncluster.id=abc\n");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(tmp))
                .isInstanceOf(ConfigException.class)
                .hasMessage("embedded.data.dir '" + tmp + "' holds data of another Kafka cluster (meta.properties:"
                        + " version=1, node.id=3; the embedded broker is KRaft node 1): choose an empty directory");
    }

    @Test
    void zooKeeperEraDataIsRefused() throws IOException {
        Files.writeString(tmp.resolve("meta.properties"), "version=0\nbroker.id=1\ncluster.id=abc\n");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(tmp))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds data of another Kafka cluster (meta.properties: version=0, node.id=null;");
    }
}
