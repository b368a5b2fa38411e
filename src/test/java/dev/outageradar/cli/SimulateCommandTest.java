package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.simulate.Episode;
import dev.outageradar.simulate.LabelCsv;
import dev.outageradar.simulate.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateCommandTest {

    /** Maven runs tests from the project directory. */
    private static final Path SAMPLES = Path.of("samples");

    @TempDir
    Path dir;

    @Test
    void writesTheFeedAndItsLabelsAndPrintsAOneLineSummary() throws IOException {
        Path feed = dir.resolve("feed.jsonl.gz");
        Path labels = dir.resolve("labels.csv");

        CliRun run = CliRun.of("simulate", "--days", "1", "--services", "3", "--outages", "2", "--out", feed.toString(),
                "--labels", labels.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        Matcher summary = Pattern.compile("wrote (\\d+) lines to \\S+feed\\.jsonl\\.gz: 3 services, 2 outages, (\\d+) decoys, "
                + "2024-09-01T00:00:00Z \\.\\. 2024-09-02T00:00:00Z; labels in \\S+labels\\.csv\n").matcher(run.out());
        assertThat(summary.matches()).as(run.out()).isTrue();
        assertThat(gzipLines(feed)).hasSize(Integer.parseInt(summary.group(1)));
        List<Episode> episodes = LabelCsv.read(labels);
        assertThat(episodes).filteredOn(e -> e.kind() == Scenario.Kind.OUTAGE).hasSize(2);
        assertThat(episodes).filteredOn(e -> e.kind() == Scenario.Kind.DECOY).hasSize(Integer.parseInt(summary.group(2)));
    }

    @Test
    void presetDemoRegeneratesTheBundledSampleAsDocumented() throws IOException {
        Path feed = dir.resolve("spotify-outage-2024-09.jsonl.gz");
        Path labels = dir.resolve("spotify-outage-2024-09.labels.csv");

        CliRun run = CliRun.of("simulate", "--preset", "demo", "--out", feed.toString(), "--labels", labels.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("wrote 54383 lines to ")
                .contains(": 8 services, 1 outages, 0 decoys, 2024-09-29T14:00:00Z .. 2024-09-30T20:00:00Z");
        // Lines, not gzip bytes: another zlib may compress the same lines differently.
        assertThat(gzipLines(feed)).isEqualTo(gzipLines(SAMPLES.resolve("spotify-outage-2024-09.jsonl.gz")));
        assertThat(labels).hasSameTextualContentAs(SAMPLES.resolve("spotify-outage-2024-09.labels.csv"));
        assertThat(Files.size(SAMPLES.resolve("spotify-outage-2024-09.jsonl.gz"))).isLessThan(3_000_000);
    }

    @Test
    void helpShowsHowToRegenerateTheDemoFeed() {
        CliRun run = CliRun.of("simulate", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("simulate --preset demo --out samples/spotify-outage-2024-09.jsonl.gz "
                        + "--labels samples/spotify-outage-2024-09.labels.csv");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--days 0                          | --days must be within 1..366, got 0",
        "--days 400                        | --days must be within 1..366, got 400",
        "--services 0                      | --services must be within 1..25 (the built-in list), got 0",
        "--services 99                     | --services must be within 1..25 (the built-in list), got 99",
        "--outages -1                      | --outages must be within 0..1000, got -1",
        "--out-of-order 0.9                | --out-of-order must be within 0..0.5, got 0.9",
        "--magnitude 0.5..3                | --magnitude must be a multiplier like 5 or a range like 2..100, above 1 and at most 1000, got '0.5..3'",
        "--start 2024-13-01                | --start must be an ISO date like 2024-09-01, got '2024-13-01'",
        "--preset nope                     | --preset must be demo, got 'nope'",
        "--preset demo --days 3            | --days cannot be combined with --preset demo, which fixes the feed's content",
        "--days 1 --services 1 --outages 50| --outages 50 do not fit in 1 day(s) of 1 service(s) with 2 h between windows of a service; ask for fewer outages, more days or more services"})
    void rejectsABadValueWithOneLineNamingTheFlagAndWritesNothing(String flags, String message) {
        Path feed = dir.resolve("feed.jsonl");
        List<String> args = new ArrayList<>(List.of("simulate", "--out", feed.toString()));
        args.addAll(List.of(flags.trim().split(" +")));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("outage-radar: " + message + "\n");
        assertThat(run.out()).isEmpty();
        assertThat(feed).doesNotExist();
    }

    @Test
    void anUnwritableDestinationIsOneLineNotAStackTrace() {
        Path feed = dir.resolve("missing").resolve("feed.jsonl");

        CliRun run = CliRun.of("simulate", "--days", "1", "--services", "1", "--outages", "1", "--out", feed.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("outage-radar: cannot write " + feed + ": its directory does not exist\n");
    }

    @Test
    void aValueOfTheWrongTypeIsOneLineNamingTheFlag() {
        CliRun run = CliRun.of("simulate", "--days", "many", "--out", dir.resolve("feed.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("outage-radar: Invalid value for option '--days': 'many' is not an int "
                + "(see 'outage-radar simulate --help')\n");
    }

    private static List<String> gzipLines(Path path) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }

}
