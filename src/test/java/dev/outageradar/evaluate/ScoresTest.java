package dev.outageradar.evaluate;

import static dev.outageradar.evaluate.Fixtures.WEEK;
import static dev.outageradar.evaluate.Fixtures.detection;
import static dev.outageradar.evaluate.Fixtures.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outageradar.evaluate.EvaluationReport.DecoyAlerts;
import dev.outageradar.evaluate.EvaluationReport.MagnitudeOutages;
import dev.outageradar.evaluate.EvaluationReport.OutageStats;
import dev.outageradar.evaluate.EvaluationReport.ScenarioOutages;
import dev.outageradar.simulate.Episode;
import dev.outageradar.simulate.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void precisionCountsDetectionsRecallCountsOutagesAndF1IsTheirHarmonicMean() {
        List<Episode> labels = List.of(label("spotify", Scenario.SPIKE, "02:00", "03:00", 50),
                label("netflix", Scenario.SPIKE, "02:00", "03:00", 50),
                label("github", Scenario.SLOW, "02:00", "06:00", 5),
                label("discord", Scenario.SPIKE, "02:00", "03:00", 2));
        // Spotify's incident reopened; discord is missed; steam's alert is spurious.
        List<Detection> detections = List.of(detection("spotify", "02:05"), detection("spotify", "02:40"),
                detection("netflix", "02:02"), detection("github", "04:00"), detection("steam", "02:00"));

        EvaluationReport report = Evaluation.score(labels, detections, 5, WEEK);

        assertThat(report.detections()).isEqualTo(5);
        assertThat(report.hits()).isEqualTo(4);
        assertThat(report.precision()).isEqualTo(0.8);
        assertThat(report.outages()).isEqualTo(4);
        assertThat(report.caught()).isEqualTo(3);
        assertThat(report.recall()).isEqualTo(0.75);
        assertThat(report.f1()).isCloseTo(2 * 0.8 * 0.75 / (0.8 + 0.75), within(1e-12));
    }

    @Test
    void delaysAreNearestRankMedianAndP90OverCaughtOutagesOnly() {
        List<Episode> labels = List.of(label("a", Scenario.SPIKE, "02:00", "03:00", 50),
                label("b", Scenario.SPIKE, "02:00", "03:00", 50), label("c", Scenario.SPIKE, "02:00", "03:00", 50),
                label("d", Scenario.SPIKE, "02:00", "03:00", 50), label("e", Scenario.SPIKE, "02:00", "03:00", 50),
                label("missed", Scenario.SPIKE, "02:00", "03:00", 50));
        List<Detection> detections = List.of(detection("a", "02:10"), detection("b", "02:01"),
                detection("c", "02:04"), detection("d", "02:02"), detection("e", "02:03"));

        EvaluationReport report = Evaluation.score(labels, detections, 6, WEEK);

        // Delays 1, 2, 3, 4, 10 minutes: the median is rank 3 of 5, the p90 rank 5.
        assertThat(report.delayMedian()).isEqualTo(Duration.ofMinutes(3));
        assertThat(report.delayP90()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void falseAlertsPerServiceWeekDividesDecoyAndSpuriousAlertsByServicesTimesWeeks() {
        List<Episode> labels = List.of(label("spotify", Scenario.SPIKE, "02:00", "03:00", 50),
                label("github", Scenario.VIRAL_MENTION, "10:00", "12:00", 30));
        List<Detection> detections = List.of(detection("spotify", "02:05"), detection("github", "11:00"),
                detection("steam", "05:00"), detection("steam", "15:00"));

        EvaluationReport report = Evaluation.score(labels, detections, 6, Duration.ofDays(14));

        assertThat(report.decoyAlerts()).isEqualTo(1);
        assertThat(report.spuriousAlerts()).isEqualTo(2);
        assertThat(report.falseAlertsPerServiceWeek()).isEqualTo(3 / (6 * 2.0));
    }

    @Test
    void outagesBreakDownByScenarioAndMagnitudeBandAndDecoysByScenario() {
        List<Episode> labels = List.of(
                label("a", Scenario.SPIKE, "02:00", "03:00", 2),
                label("b", Scenario.SPIKE, "02:00", "03:00", 3),
                label("c", Scenario.SLOW, "02:00", "06:00", 9.99),
                label("d", Scenario.SLOW, "02:00", "06:00", 10),
                label("e", Scenario.SPIKE, "02:00", "03:00", 250),
                label("f", Scenario.SINGLE_ACCOUNT, "02:00", "04:00", 120),
                label("g", Scenario.NEGATED, "02:00", "03:00", 8),
                label("g", Scenario.NEGATED, "08:00", "09:00", 8),
                label("h", Scenario.VIRAL_MENTION, "02:00", "06:00", 30));
        List<Detection> detections = List.of(detection("a", "02:01"), detection("b", "02:02"),
                detection("d", "02:20"), detection("g", "08:30"), detection("h", "03:00"));

        EvaluationReport report = Evaluation.score(labels, detections, 8, WEEK);

        assertThat(report.byScenario().outages()).containsExactly(
                new ScenarioOutages("spike", stats(3, 2, 2 / 3.0, 1, 2)),
                new ScenarioOutages("slow", stats(2, 1, 0.5, 20, 20)));
        assertThat(report.byMagnitude()).containsExactly(
                new MagnitudeOutages("<3x", stats(1, 1, 1.0, 1, 1)),
                new MagnitudeOutages("3-10x", stats(2, 1, 0.5, 2, 2)),
                new MagnitudeOutages(">=10x", stats(2, 1, 0.5, 20, 20)));
        assertThat(report.byScenario().decoys()).containsExactly(
                new DecoyAlerts("viral-mention", 1, 1),
                new DecoyAlerts("negated", 2, 1),
                new DecoyAlerts("single-account", 1, 0));
    }

    private static OutageStats stats(int outages, int caught, double recall, long medianMinutes, long p90Minutes) {
        return new OutageStats(outages, caught, recall, Duration.ofMinutes(medianMinutes), Duration.ofMinutes(p90Minutes));
    }
}
