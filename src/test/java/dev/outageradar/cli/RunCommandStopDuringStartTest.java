package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.broker.BrokerAddressFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An orchestrator may give up on a start that takes too long and send SIGTERM while {@code run} is still
 * creating topics or waiting for Kafka Streams: the stop is as clean as one after the start.
 */
@Tag("integration")
@Timeout(300)
class RunCommandStopDuringStartTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void sigtermWhileStartingStopsWhatWasStartedAndTheBrokerShutsDownCleanly() {
        Path kafka = temp.resolve("kafka");
        try (ChildProcess run = ChildProcess.start(Map.of(), List.of("run", "--set", "api.port=0",
                "--set", "state.dir=" + temp.resolve("streams"), "--set", "embedded.data.dir=" + kafka))) {
            // The broker is up; topics, Kafka Streams and its first rebalance take a few seconds more.
            run.awaitErrLine(line -> line.contains("Embedded Kafka broker started at"), DEADLINE);

            assertThat(run.terminate(DEADLINE)).as("128 + SIGTERM").isEqualTo(143);

            assertThat(run.err()).anyMatch(line -> line.contains("outage-radar stopped during start-up"));
            assertThat(run.err()).noneMatch(line -> line.contains("outage-radar running"));
            assertThat(kafka.resolve(".kafka_cleanshutdown")).as("the broker shut down cleanly").exists();
            assertThat(BrokerAddressFile.read(kafka)).as("the address of a broker no longer running").isEmpty();
        }
    }
}
