package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same feed, same alerts: one feed with an outage, out-of-order and late posts and bad lines, played through
 * {@code backtest} offline and through {@code replay} into a real broker with the live application, gives
 * the same alert events, byte for byte (an alert carries no wall-clock field).
 */
@Tag("integration")
@Timeout(240)
class ReplayMatchesBacktestTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final Instant START = Instant.parse("2024-09-30T08:00:00Z");

    @TempDir
    Path temp;

    @Test
    void replayIntoTheLiveAppGivesTheAlertsOfTheBacktest() throws IOException {
        Path feed = writeFeed();
        Path offline = temp.resolve("backtest-alerts.jsonl");
        Map<String, String> settings = settings();

        CliRun backtest = CliRun.of(withSettings(settings, "backtest", "--file", feed.toString(), "--out", offline.toString()));
        assertThat(backtest.exit()).as(backtest.err()).isZero();
        List<String> expected = Files.readAllLines(offline);
        assertThat(expected).as("the feed must open and resolve an incident")
                .anyMatch(a -> a.contains("OUTAGE_SUSPECTED")).anyMatch(a -> a.contains("OUTAGE_RESOLVED"));
        assertThat(backtest.out()).contains("rejected  2");

        AppConfig live = ConfigLoader.load(Path.of("config/application.properties"), false, Map.of(), settings);
        try (Pipeline pipeline = Pipeline.start(live, false)) {
            CliRun replay = CliRun.of(withSettings(settings, "replay", "--file", feed.toString(), "--progress", "none",
                    "--rejects", temp.resolve("rejects.jsonl").toString()));
            assertThat(replay.exit()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("rejected  2");

            List<ConsumerRecord<String, String>> alerts = KAFKA.consume(live.topology().topics().alerts(),
                    expected.size(), Duration.ofSeconds(120), true);
            assertThat(alerts).extracting(ConsumerRecord::value).containsExactlyElementsOf(expected);
        }
        assertThat(Files.readAllLines(temp.resolve("rejects.jsonl"))).hasSize(2)
                .allMatch(line -> line.startsWith("{\"line\":"));
    }

    /** One partition: the order posts reach the detector in, and so which late post misses its window, is the file's. */
    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", KAFKA.bootstrapServers());
        settings.put("application.id", KAFKA.uniqueName("outage-radar"));
        settings.put("topic.posts", KAFKA.uniqueName("posts"));
        settings.put("topic.dlq", KAFKA.uniqueName("posts.dlq"));
        settings.put("topic.alerts", KAFKA.uniqueName("alerts"));
        settings.put("topic.counts", KAFKA.uniqueName("counts"));
        settings.put("topic.partitions", "1");
        settings.put("state.dir", temp.resolve("state").toString());
        settings.put("embedded.data.dir", temp.resolve("kafka").toString());
        // The live app serves its query API; a free port, so the test never depends on 8080 being free.
        settings.put("api.port", "0");
        return settings;
    }

    private static String[] withSettings(Map<String, String> settings, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        settings.forEach((key, value) -> {
            all.add("--set");
            all.add(key + "=" + value);
        });
        return all.toArray(String[]::new);
    }

    /**
     * Five ordinary hours of spotify (3 a minute) and netflix (1 a minute), then spotify at 150 a minute for
     * 20 minutes, then an ordinary hour. One post in fifty swaps places with its neighbour (out of order
     * within the grace period); one in two hundred arrives ten minutes late (past the grace period, so its
     * window has closed); two lines are bad.
     */
    private Path writeFeed() throws IOException {
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        for (int minute = 0; minute < 6 * 60 + 20; minute++) {
            boolean outage = minute >= 300 && minute < 320;
            int spotify = outage ? 150 : 3;
            for (int i = 0; i < spotify; i++) {
                lines.add(post(minute, random.nextInt(60_000), "is spotify down? #SpotifyDown",
                        "s" + random.nextInt(5_000)));
            }
            lines.add(post(minute, random.nextInt(60_000), "netflix not working for me", "n" + random.nextInt(500)));
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (random.nextInt(50) == 0) {
                String swapped = lines.get(i);
                lines.set(i, lines.get(i + 1));
                lines.set(i + 1, swapped);
            }
        }
        for (int i = 100; i < lines.size() - 20; i += 200) {
            lines.add(i + 20, lines.remove(i));
        }
        lines.add(50, "this line is not json");
        lines.add(900, "{\"text\":\"spotify down\"}");
        Path file = temp.resolve("feed.jsonl");
        Files.write(file, lines);
        return file;
    }

    private static String post(int minute, int millis, String text, String author) {
        Instant at = START.plus(Duration.ofMinutes(minute)).plusMillis(millis);
        return "{\"created_at\":\"" + at + "\",\"text\":\"" + text + "\",\"author\":\"" + author + "\"}";
    }
}
