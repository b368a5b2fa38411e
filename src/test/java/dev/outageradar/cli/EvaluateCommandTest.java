package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    @BeforeAll
    static void simulateAFeed() {
        feed = dir.resolve("feed.jsonl.gz");
        labels = dir.resolve("labels.csv");
        CliRun run = CliRun.of("simulate", "--days", "5", "--services", "10", "--outages", "8", "--magnitude", "3..100",
                "--seed", "11", "--out", feed.toString(), "--labels", labels.toString());
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void theDetectorCatchesSimulatedOutagesAndIgnoresTheDecoys() throws Exception {
        CliRun run = CliRun.of("evaluate", "--feed", feed.toString(), "--labels", labels.toString(), "--json");

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
    void aMissingLabelsFileIsOneLine() {
        CliRun run = CliRun.of("evaluate", "--feed", feed.toString(), "--labels", dir.resolve("none.csv").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("outage-radar: labels file not found: " + dir.resolve("none.csv") + "\n");
    }
}
