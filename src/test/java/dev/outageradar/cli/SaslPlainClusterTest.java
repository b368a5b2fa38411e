package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.EmbeddedKafkaBroker;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigLoader;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * outage-radar on a broker whose only client listener requires SASL/PLAIN, configured as a user would:
 * config/sasl-example.properties, the JAAS config from the environment, the cluster and the rest as flags.
 */
@Tag("integration")
@Timeout(300)
class SaslPlainClusterTest {

    private static final String USER = "outage-radar";
    private static final String PASSWORD = "radar-Pa55word";
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"" + USER + "\" password=\"" + PASSWORD + "\";";
    private static final String WRONG_JAAS = JAAS.replace(PASSWORD, "guessed-Pa55word");
    private static final Instant START = Instant.parse("2024-09-30T10:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startASecuredBroker() {
        broker = EmbeddedKafkaBroker.startTemporaryWithSaslPlain(Map.of(USER, PASSWORD));
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theAppReplayAndAlertsWorkWithTheCredentialsFromTheSettings() throws IOException {
        // The example is for SASL_SSL; this broker has no TLS, so the protocol is the one flag that differs.
        AppConfig config = ConfigLoader.load(Path.of("config/sasl-example.properties"), false,
                Map.of("OUTAGE_RADAR_KAFKA_SASL_JAAS_CONFIG", JAAS),
                Map.of("bootstrap.servers", broker.bootstrapServers(), "kafka.security.protocol", "SASL_PLAINTEXT",
                        "topic.replication.factor", "1", "topic.partitions", "1", "api.port", "0",
                        "state.dir", temp.resolve("streams").toString(), "api.token", "c2VjcmV0"));
        Path feed = temp.resolve("feed.jsonl");
        Files.write(feed, quietHourThenBurst());

        try (Pipeline pipeline = Pipeline.start(config, false)) {
            CliRun replay = CliRun.of(withCredentials(JAAS, "replay", "--file", feed.toString(), "--progress", "none"));
            CliRun alerts = CliRun.of(withCredentials(JAAS, "alerts", "--from-beginning", "--json", "--limit", "1"));

            assertThat(replay.exit()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("sent      " + (70 * 2 + 3 * 100) + " posts");
            assertThat(alerts.exit()).as(alerts.err()).isZero();
            JsonNode alert = JsonFormat.mapper().readTree(alerts.out().strip());
            assertThat(alert.get("type").asText()).isEqualTo("OUTAGE_SUSPECTED");
            assertThat(alert.get("service").asText()).isEqualTo("spotify");
            assertThat(alert.get("window_start").asText()).isEqualTo(START.plus(Duration.ofMinutes(70)).toString());
            assertThat(alert.get("count").asLong()).isEqualTo(100);
            int port = pipeline.apiPort();
            for (String path : List.of("/health", "/health/ready", "/metrics", "/api/services")) {
                assertThat(get(port, path, "c2VjcmV0").body()).as(path).doesNotContain(PASSWORD).doesNotContain("c2VjcmV0");
            }
        }
    }

    @Test
    void wrongCredentialsStopRunAndReplayAtOnceWithOneLineThatHidesThePassword() throws IOException {
        Path feed = temp.resolve("one-post.jsonl");
        Files.write(feed, quietHourThenBurst().subList(0, 1));
        long started = System.nanoTime();

        CliRun run = CliRun.of(withCredentials(WRONG_JAAS, "run", "--set", "api.port=0",
                "--set", "state.dir=" + temp.resolve("refused")));
        CliRun replay = CliRun.of(withCredentials(WRONG_JAAS, "replay", "--file", feed.toString(), "--progress", "none"));

        String refused = "outage-radar: Kafka refused the credentials: Authentication failed: Invalid username or "
                + "password (check kafka.security.protocol, kafka.sasl.mechanism and kafka.sasl.jaas.config)\n";
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(refused);
        assertThat(run.out()).isEmpty();
        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.err()).isEqualTo(refused);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    /** The command with the cluster and its SASL settings as flags (in-process runs cannot set variables). */
    private static List<String> withCredentials(String jaas, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--bootstrap-servers", broker.bootstrapServers(),
                "--set", "kafka.security.protocol=SASL_PLAINTEXT", "--set", "kafka.sasl.mechanism=PLAIN",
                "--set", "kafka.sasl.jaas.config=" + jaas));
        return args;
    }

    /** 70 minutes of 2 spotify complaints a minute (past the detector's warm-up), then 3 minutes of 100. */
    private static List<String> quietHourThenBurst() {
        List<String> lines = new ArrayList<>();
        for (int minute = 0; minute < 73; minute++) {
            int complaints = minute < 70 ? 2 : 100;
            for (int i = 0; i < complaints; i++) {
                Instant at = START.plus(Duration.ofMinutes(minute)).plusMillis(i * 60_000L / complaints);
                lines.add("{\"created_at\":\"" + at + "\",\"text\":\"is spotify down?\",\"author\":\"u" + minute + "-" + i + "\"}");
            }
        }
        return lines;
    }

    private static HttpResponse<String> get(int port, String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
