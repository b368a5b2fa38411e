package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector measured end to end: a simulated feed with outages of 3x to 100x and every kind of decoy,
 * run offline through the real topology by {@code evaluate}, and scored against its labels.
 */
class EvaluateCommandTest {

    @TempDir
    static Path dir;
    private static Path feed;
    private static Path labels;
    private static Path counts;
    private static CliRun fromFeed;

    @BeforeAll
    static void simulateAFeed() {
        feed = dir.resolve("feed.jsonl.gz");
        labels = dir.resolve("labels.csv");
        CliRun run = CliRun.of("simulate", "--days", "5", "--services", "10", "--outages", "8", "--magnitude", "3..100",
                "--seed", "11", "--out", feed.toString(), "--labels", labels.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        counts = dir.resolve("counts.tsv");
        fromFeed = CliRun.of("evaluate", "--feed", feed.toString(), "--labels", labels.toString(), "--json",
                "--write-counts", counts.toString());
    }

    @Test
    void theDetectorCatchesSimulatedOutagesAndIgnoresTheDecoys() throws Exception {
        CliRun run = fromFeed;

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("outages").asInt()).isEqualTo(8);
        assertThat(report.get("f1").asDouble()).as(run.out()).isGreaterThanOrEqualTo(0.9);
        assertThat(report.get("decoy_alerts").asInt()).as(run.out()).isZero();
        assertThat(report.get("delay_median_s").asDouble()).as(run.out()).isLessThanOrEqualTo(6 * 60);
        assertThat(report.fieldNames()).toIterable().contains("precision", "recall", "f1", "delay_median_s",
                "delay_p90_s", "decoy_alerts", "false_alerts_per_service_week");
    }

    @Test
    void theCountsOfTheFeedScoreExactlyAsTheFeedItself() throws Exception {
        assertThat(fromFeed.exit()).as(fromFeed.err()).isZero();
        assertThat(Files.readAllLines(counts)).first().isEqualTo("service\twindow_start\tcomplaints");

        CliRun run = CliRun.of("evaluate", "--counts", counts.toString(), "--labels", labels.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(fromFeed.out());
    }

    @Test
    void aDetectorSettingChangesWhatTheCountsScore() throws Exception {
        CliRun strict = CliRun.of("evaluate", "--counts", counts.toString(), "--labels", labels.toString(), "--json",
                "--set", "detector.min.ratio=1000");

        assertThat(strict.exit()).as(strict.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(strict.out());
        assertThat(report.get("recall").asDouble()).isZero();
        assertThat(report.get("precision").asDouble()).isEqualTo(1.0);
    }

    @Test
    void writingCountsNeedsAFeed() {
        CliRun run = CliRun.of("evaluate", "--counts", counts.toString(), "--labels", labels.toString(),
                "--write-counts", dir.resolve("again.tsv").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("outage-radar: --write-counts needs --feed");
    }

    @Test
    void aMissingLabelsFileIsOneLine() {
        CliRun run = CliRun.of("evaluate", "--feed", feed.toString(), "--labels", dir.resolve("none.csv").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("outage-radar: labels file not found: " + dir.resolve("none.csv") + "\n");
    }
}
