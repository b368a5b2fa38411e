package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.broker.BrokerAddressFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When Kafka Streams stops for good, {@code run} does not live on as a process that serves nothing: it
 * exits, so that whatever supervises it (systemd, Docker, Kubernetes) restarts it.
 */
@Tag("integration")
@Timeout(300)
class RunCommandStreamsFailureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void exitsWithStatusOneAndOneLineWhenKafkaStreamsFails() throws Exception {
        try (ChildProcess run = ChildProcess.start(Map.of(), List.of("run", "--set", "api.port=0",
                "--set", "state.dir=" + temp.resolve("streams"), "--set", "embedded.data.dir=" + temp.resolve("kafka")))) {
            run.awaitErrLine(line -> line.contains("outage-radar running: application"), DEADLINE);

            // An input topic deleted under a running application: Kafka Streams cannot go on and shuts down.
            String bootstrap = BrokerAddressFile.read(temp.resolve("kafka")).orElseThrow();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of("posts")).all().get();
            }

            assertThat(run.awaitExit(DEADLINE)).isEqualTo(RunCommand.STREAMS_FAILED);
            assertThat(run.err()).filteredOn(line -> line.startsWith("outage-radar: ")).containsExactly(
                    "outage-radar: Kafka Streams stopped after an error (logged above); exiting so it can be restarted");
            assertThat(run.err()).as("the shutdown hook still stops everything in order")
                    .anyMatch(line -> line.contains("outage-radar stopped"));
        }
    }
}
