package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {

    private static final Instant START = Instant.parse("2024-09-30T08:00:00Z");

    @TempDir
    Path temp;

    @Test
    void writesTheAlertEventsAndSummarizesEachService() throws IOException {
        Path feed = writeFeed();
        Path alerts = temp.resolve("alerts.jsonl");

        CliRun run = CliRun.of("backtest", "--file", feed.toString(), "--out", alerts.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> events = Files.readAllLines(alerts).stream().map(BacktestCommandTest::json).toList();
        assertThat(events).extracting(e -> e.get("type").asText()).startsWith("OUTAGE_SUSPECTED")
                .endsWith("OUTAGE_RESOLVED");
        assertThat(events).extracting(e -> e.get("service").asText()).containsOnly("spotify");
        assertThat(events.get(0).get("window_start").asText()).isEqualTo("2024-09-30T13:00:00Z");
        assertThat(run.out()).contains("rejected  1 (with line numbers and reasons in " + feed + ".rejects.jsonl)");
        List<String> table = run.out().lines().dropWhile(l -> !l.startsWith("service")).toList();
        assertThat(table.get(0)).matches("service\\s+incidents\\s+complaints\\s+peak\\s+peak window");
        assertThat(table.get(1)).matches("spotify\\s+1\\s+4,600\\s+200\\s+2024-09-30T13:00:00Z");
        // 360 minutes of netflix, but no later post closes the last one's window: live, it would stay open too.
        assertThat(table.get(2)).matches("netflix\\s+0\\s+359\\s+1\\s+2024-09-30T08:00:00Z");
        List<JsonNode> rejects = Files.readAllLines(Path.of(feed + ".rejects.jsonl")).stream()
                .map(BacktestCommandTest::json).toList();
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.get("line").asLong()).isEqualTo(13);
            assertThat(r.get("original").asText()).isEqualTo("garbage");
            assertThat(r.get("reason").asText()).containsIgnoringCase("json");
        });
    }

    @Test
    void drawsTheChosenServiceWithItsIncident() throws IOException {
        Path feed = writeFeed();
        Path page = temp.resolve("spotify.html");

        CliRun run = CliRun.of("backtest", "--file", feed.toString(), "--plot", page.toString(), "--plot-service", "spotify");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("plot      " + page);
        String html = Files.readString(page);
        assertThat(html).contains("<svg").contains("spotify-20240930T1300Z").doesNotContain("netflix");
    }

    @Test
    void aPlotOfAServiceNotInTheCatalogOrToAnUnknownKindOfFileFailsBeforeTheRun() throws IOException {
        Path feed = writeFeed();

        CliRun unknownService = CliRun.of("backtest", "--file", feed.toString(), "--plot", temp.resolve("p.png").toString(),
                "--plot-service", "myspace");
        CliRun unknownKind = CliRun.of("backtest", "--file", feed.toString(), "--plot", temp.resolve("p.pdf").toString());

        assertThat(unknownService.exit()).isEqualTo(2);
        assertThat(unknownService.err()).isEqualTo(
                "outage-radar: --plot-service myspace: not a service of the catalog config/services.yaml\n");
        assertThat(unknownKind.exit()).isEqualTo(2);
        assertThat(unknownKind.err()).isEqualTo(
                "outage-radar: plot file must end in .png or .html: " + temp.resolve("p.pdf") + "\n");
        assertThat(temp.resolve("p.png")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsOneLine() throws IOException {
        CliRun run = CliRun.of("backtest", "--file", writeFeed().toString(), "--format", "myspace");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("outage-radar: --format must be one of auto, normalized, x, mastodon, "
                + "bluesky, csv, not 'myspace'\n");
    }

    @Test
    void aMissingFeedIsOneLine() {
        CliRun run = CliRun.of("backtest", "--file", temp.resolve("none.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("outage-radar: feed file not found: " + temp.resolve("none.jsonl") + "\n");
    }

    /** Five quiet hours (spotify 2 a minute, netflix 1), spotify at 200 a minute for 20 minutes, an hour after. */
    private Path writeFeed() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int minute = 0; minute < 360; minute++) {
            int spotify = minute >= 300 && minute < 320 ? 200 : minute >= 320 ? 0 : 2;
            for (int i = 0; i < spotify; i++) {
                lines.add(post(minute, i * 250, "is spotify down? #SpotifyDown", "s" + minute + "-" + i));
            }
            lines.add(post(minute, 30_000, "netflix not working for me", "n" + minute));
            if (minute == 3) {
                lines.add("garbage");
            }
        }
        Path file = temp.resolve("feed.jsonl");
        Files.write(file, lines);
        return file;
    }

    private static String post(int minute, int millis, String text, String author) {
        Instant at = START.plus(Duration.ofMinutes(minute)).plusMillis(millis);
        return "{\"created_at\":\"" + at + "\",\"text\":\"" + text + "\",\"author\":\"" + author + "\"}";
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
