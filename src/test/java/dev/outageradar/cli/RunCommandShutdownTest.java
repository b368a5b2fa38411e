package dev.outageradar.cli;

import dev.outageradar.topology.Names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.BrokerAddressFile;
import dev.outageradar.replay.FeedProducer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outage-radar run} as an orchestrator sees it: started as a process of its own (embedded broker,
 * JSON logs from the environment), fed 300 complaints, then sent SIGTERM.
 */
@Tag("integration")
@Timeout(300)
class RunCommandShutdownTest {

    @TempDir
    static Path temp;

    private static int exitStatus;
    private static List<String> stderr;
    private static RadarProcess restarted;

    @BeforeAll
    static void runFeedAndTerminate() throws IOException {
        try (RadarProcess run = RadarProcess.start(Map.of("OUTAGE_RADAR_LOG_FORMAT", "json"), runSettings())) {
            Path feed = temp.resolve("feed.jsonl");
            Files.write(feed, complaints(300));
            Properties clients = new Properties();
            clients.put("bootstrap.servers", BrokerAddressFile.read(temp.resolve("kafka")).orElseThrow());
            FeedProducer.sendLines(feed, "posts", clients);
            run.awaitBody("/metrics", body -> body.contains("\noutage_radar_posts_total 300.0\n"),
                    RadarProcess.START_DEADLINE);

            exitStatus = run.terminate();
            stderr = run.log();
        }
    }

    @AfterAll
    static void stopTheRestartedRun() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void sigtermStopsEverythingAndExitsWithTheJvmsSignalStatusAfterOneStoppedLine() {
        assertThat(exitStatus).as("128 + SIGTERM").isEqualTo(143);
        List<String> messages = stderr.stream().map(line -> json(line).path("formattedMessage").asText()).toList();
        assertThat(messages).filteredOn(message -> message.equals("outage-radar stopped")).hasSize(1);
        assertThat(messages.get(messages.size() - 1)).isEqualTo("outage-radar stopped");
        assertThat(messages).filteredOn(message -> message.startsWith("Embedded Kafka broker at")
                && message.contains(" stopped in ")).hasSize(1);
        assertThat(temp.resolve("kafka").resolve(".kafka_cleanshutdown")).as("the broker shut down cleanly").exists();
        assertThat(BrokerAddressFile.read(temp.resolve("kafka"))).as("the address of a broker no longer running").isEmpty();
    }

    @Test
    void everyLogLineIsOneJsonObjectWhenTheEnvironmentAsksForJson() {
        assertThat(stderr).isNotEmpty().allSatisfy(line -> {
            JsonNode event = json(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.path("level").asText()).as(line).isIn("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
            assertThat(event.path("loggerName").asText()).as(line).isNotEmpty();
            assertThat(event.path("timestamp").isNumber()).as(line).isTrue();
        });
        assertThat(stderr).anyMatch(line -> json(line).path("formattedMessage").asText()
                .startsWith("outage-radar running: application outage-radar on 127.0.0.1:"));
    }

    @Test
    void theNextStartResumesFromItsLocalStateWithoutRestoringAnything() {
        restarted = RadarProcess.start(runSettings());

        // Kafka Streams closed cleanly: its stores are current, so nothing is read back from the changelogs
        // (after a kill -9 the same start restores several hundred records).
        String metrics = restarted.get("/metrics").body();
        List<String> restored = metrics.lines().filter(line -> line.startsWith("outage_radar_restored_records_total{"))
                .toList();
        assertThat(restored).hasSize(Names.ALL_STORES.size()).allMatch(line -> line.endsWith(" 0.0"));
        // Not even the detector tasks whose partitions hold no service (only source-clock written): none
        // was taken for a crashed one and wiped.
        assertThat(restarted.log()).noneMatch(line -> line.contains("TaskCorruptedException"));
        // The first run may have stopped before its detector judged the last windows: it does so now.
        restarted.awaitBody("/api/services", body -> json(body).path(0).path("count").isNumber(),
                RadarProcess.START_DEADLINE);
        JsonNode services = json(restarted.get("/api/services").body());
        assertThat(services).hasSize(1);
        assertThat(services.get(0).path("service").asText()).isEqualTo("spotify");
        assertThat(services.get(0).path("count").asLong()).isEqualTo(60);
        assertThat(restarted.terminate()).isEqualTo(143);
    }

    private static Map<String, String> runSettings() {
        return Map.of("api.port", "0", "state.dir", temp.resolve("streams").toString(),
                "embedded.data.dir", temp.resolve("kafka").toString());
    }

    /** One complaint a second about spotify from 10:00, each by its own author: five full minutes. */
    private static List<String> complaints(int count) {
        List<String> lines = new ArrayList<>();
        Instant start = Instant.parse("2024-09-30T10:00:00Z");
        for (int i = 0; i < count; i++) {
            lines.add("{\"created_at\":\"" + start.plusSeconds(i) + "\",\"text\":\"is spotify down?\",\"author\":\"u" + i + "\"}");
        }
        return lines;
    }

    private static JsonNode json(String text) {
        try {
            return JsonFormat.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
