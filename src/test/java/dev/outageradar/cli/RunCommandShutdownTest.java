package dev.outageradar.cli;

import dev.outageradar.topology.Names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.BrokerAddressFile;
import dev.outageradar.replay.FeedProducer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    /** Kafka Streams' close timeout (30 s) and the broker's shutdown, with room for a loaded machine. */
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(60);
    private static final Pattern API_ADDRESS = Pattern.compile("query API listening on http:(?:\\\\?/){2}[0-9.]+:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    private static int exitStatus;
    private static List<String> stderr;
    private static ChildProcess restarted;

    @BeforeAll
    static void runFeedAndTerminate() throws IOException {
        try (ChildProcess run = ChildProcess.start(Map.of("OUTAGE_RADAR_LOG_FORMAT", "json"), runArgs())) {
            int port = apiPort(run);
            awaitReady(port);
            Path feed = temp.resolve("feed.jsonl");
            Files.write(feed, complaints(300));
            Properties clients = new Properties();
            clients.put("bootstrap.servers", BrokerAddressFile.read(temp.resolve("kafka")).orElseThrow());
            FeedProducer.sendLines(feed, "posts", clients);
            awaitBody(port, "/metrics", body -> body.contains("\noutage_radar_posts_total 300.0\n"));

            exitStatus = run.terminate(STOP_DEADLINE);
            stderr = run.err();
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
        restarted = ChildProcess.start(Map.of(), runArgs());
        int port = apiPort(restarted);
        awaitReady(port);

        // Kafka Streams closed cleanly: its stores are current, so nothing is read back from the changelogs
        // (after a kill -9 the same start restores several hundred records).
        String metrics = get(port, "/metrics").body();
        List<String> restored = metrics.lines().filter(line -> line.startsWith("outage_radar_restored_records_total{"))
                .toList();
        assertThat(restored).hasSize(Names.ALL_STORES.size()).allMatch(line -> line.endsWith(" 0.0"));
        // Not even the detector tasks whose partitions hold no service (only source-clock written): none
        // was taken for a crashed one and wiped.
        assertThat(restarted.err()).noneMatch(line -> line.contains("TaskCorruptedException"));
        // The first run may have stopped before its detector judged the last windows: it does so now.
        awaitBody(port, "/api/services", body -> json(body).path(0).path("count").isNumber());
        JsonNode services = json(get(port, "/api/services").body());
        assertThat(services).hasSize(1);
        assertThat(services.get(0).path("service").asText()).isEqualTo("spotify");
        assertThat(services.get(0).path("count").asLong()).isEqualTo(60);
        assertThat(restarted.terminate(STOP_DEADLINE)).isEqualTo(143);
    }

    private static List<String> runArgs() {
        return List.of("run", "--set", "api.port=0", "--set", "state.dir=" + temp.resolve("streams"),
                "--set", "embedded.data.dir=" + temp.resolve("kafka"));
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

    private static int apiPort(ChildProcess run) {
        Matcher address = API_ADDRESS.matcher(run.awaitErrLine(line -> API_ADDRESS.matcher(line).find(), START_DEADLINE));
        assertThat(address.find()).isTrue();
        return Integer.parseInt(address.group(1));
    }

    private static void awaitReady(int port) {
        awaitBody(port, "/health/ready", body -> body.contains("\"ready\":true"));
    }

    private static void awaitBody(int port, String path, Predicate<String> done) {
        long end = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            if (done.test(get(port, path).body())) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(path + " did not answer as expected within " + START_DEADLINE + ": " + get(port, path).body());
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JsonFormat.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
