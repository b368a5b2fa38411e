package dev.outageradar.evaluate;

import static dev.outageradar.evaluate.Fixtures.WEEK;
import static dev.outageradar.evaluate.Fixtures.at;
import static dev.outageradar.evaluate.Fixtures.detection;
import static dev.outageradar.evaluate.Fixtures.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.evaluate.EvaluationReport.ByScenario;
import dev.outageradar.evaluate.EvaluationReport.DecoyAlerts;
import dev.outageradar.evaluate.EvaluationReport.FalseAlert;
import dev.outageradar.evaluate.EvaluationReport.MissedOutage;
import dev.outageradar.simulate.Episode;
import dev.outageradar.simulate.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchingRuleTest {

    /** Steam grows all along and has an outage and a holiday surge; spotify has an outage and a decoy. */
    private static final List<Episode> LABELS = List.of(
            new Episode("steam", Instant.parse("2024-09-29T00:00:00Z"), Instant.parse("2024-10-06T00:00:00Z"),
                    Scenario.GROWTH, 2, null),
            label("steam", Scenario.SLOW, "06:00", "08:00", 4),
            label("spotify", Scenario.SPIKE, "14:00", "16:00", 50),
            label("steam", Scenario.HOLIDAY_SURGE, "18:00", "23:00", 1.5),
            label("spotify", Scenario.NEGATED, "20:00", "21:00", 8));

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            at the outage's start                                 | spotify | 14:00:00 | hit
            inside the outage                                     | spotify | 15:10:00 | hit
            at the outage's end, exclusive but within tolerance   | spotify | 16:00:00 | hit
            at the last second of the tolerance after the end     | spotify | 16:04:59 | hit
            at the end of the tolerance, which is exclusive       | spotify | 16:05:00 | spurious
            a second before the outage's start                    | spotify | 13:59:59 | spurious
            on another service during the outage                  | netflix | 15:10:00 | spurious
            inside a decoy                                        | spotify | 20:30:00 | negated
            within the tolerance after a decoy                    | spotify | 21:04:59 | negated
            on another service during a decoy                     | netflix | 20:30:00 | spurious
            on a growing service outside any other label          | steam   | 03:00:00 | growth
            in a holiday surge on a growing service               | steam   | 19:00:00 | holiday-surge
            in an outage on a growing service                     | steam   | 07:00:00 | hit
            """)
    void aDetectionIsAHitADecoyAlertOrSpurious(String situation, String service, String detectedAt, String verdict) {
        EvaluationReport report = Evaluation.score(LABELS, List.of(detection(service, detectedAt)), 3, WEEK);

        if (verdict.equals("hit")) {
            assertThat(report.hits()).isEqualTo(1);
            assertThat(report.falseAlerts()).isEmpty();
        } else {
            assertThat(report.hits()).isZero();
            assertThat(report.falseAlerts()).extracting(FalseAlert::decoyScenario)
                    .containsExactly(verdict.equals("spurious") ? null : verdict);
        }
    }

    @Test
    void twoDetectionsInOneOutageAreBothHitsButCatchItOnceAtTheEarlier() {
        List<Episode> labels = List.of(label("spotify", Scenario.SPIKE, "14:00", "16:00", 50));
        // Given out of order: the incident resolved at 14:40 and reopened, detected again at 15:20.
        List<Detection> detections = List.of(detection("spotify", "15:20"), detection("spotify", "14:03"));

        EvaluationReport report = Evaluation.score(labels, detections, 1, WEEK);

        assertThat(report.detections()).isEqualTo(2);
        assertThat(report.hits()).isEqualTo(2);
        assertThat(report.precision()).isEqualTo(1.0);
        assertThat(report.outages()).isEqualTo(1);
        assertThat(report.caught()).isEqualTo(1);
        assertThat(report.recall()).isEqualTo(1.0);
        assertThat(report.delayMedian()).isEqualTo(Duration.ofMinutes(3));
        assertThat(report.delayP90()).isEqualTo(Duration.ofMinutes(3));
        assertThat(report.missed()).isEmpty();
        assertThat(report.falseAlerts()).isEmpty();
    }

    @Test
    void aGrowthDecoySwallowsEveryUnmatchedAlertOnItsServiceAndNoOther() {
        List<Detection> detections = List.of(detection("steam", "01:00"), detection("steam", "07:00"),
                detection("steam", "12:00"), detection("netflix", "12:00"));

        EvaluationReport report = Evaluation.score(LABELS, detections, 3, WEEK);

        assertThat(report.hits()).isEqualTo(1);
        assertThat(report.falseAlerts()).containsExactly(
                new FalseAlert("steam", "steam@01:00", at("00:59"), at("01:00"), "growth"),
                new FalseAlert("netflix", "netflix@12:00", at("11:59"), at("12:00"), null),
                new FalseAlert("steam", "steam@12:00", at("11:59"), at("12:00"), "growth"));
        assertThat(report.decoyAlerts()).isEqualTo(2);
        assertThat(report.spuriousAlerts()).isEqualTo(1);
        assertThat(report.byScenario().decoys()).containsExactly(
                new DecoyAlerts("negated", 1, 0), new DecoyAlerts("holiday-surge", 1, 0),
                new DecoyAlerts("growth", 1, 2));
    }

    @Test
    void theToleranceIsConfigurable() {
        List<Episode> labels = List.of(label("spotify", Scenario.SPIKE, "14:00", "16:00", 50));
        List<Detection> late = List.of(detection("spotify", "16:10"));

        assertThat(Evaluation.score(labels, late, 1, WEEK).caught()).isZero();
        assertThat(Evaluation.score(labels, late, 1, WEEK, Duration.ofMinutes(15)).caught()).isEqualTo(1);
        assertThat(Evaluation.score(labels, List.of(detection("spotify", "16:00")), 1, WEEK, Duration.ZERO)
                .caught()).isZero();
    }

    @Test
    void noLabelsAndNoDetectionsScorePerfectlyWithNothingToList() {
        EvaluationReport report = Evaluation.score(List.of(), List.of(), 12, WEEK);

        assertThat(report).isEqualTo(new EvaluationReport(0, 0, 1.0, 0, 0, 1.0, 1.0, null, null, 0, 0, 0.0,
                12, WEEK, Evaluation.DEFAULT_TOLERANCE, new ByScenario(List.of(), List.of()), List.of(), List.of(),
                List.of()));
    }

    @Test
    void detectionsWithoutLabelsAreAllSpuriousAndPrecisionIsZero() {
        EvaluationReport report = Evaluation.score(List.of(), List.of(detection("spotify", "14:00")), 1, WEEK);

        assertThat(report.precision()).isZero();
        assertThat(report.recall()).isEqualTo(1.0);
        assertThat(report.f1()).isZero();
        assertThat(report.spuriousAlerts()).isEqualTo(1);
        assertThat(report.falseAlertsPerServiceWeek()).isEqualTo(1.0);
    }

    @Test
    void labelsWithoutDetectionsMissEveryOutage() {
        List<Episode> labels = List.of(label("spotify", Scenario.SPIKE, "14:00", "16:00", 50),
                label("github", Scenario.VIRAL_MENTION, "14:00", "16:00", 30));

        EvaluationReport report = Evaluation.score(labels, List.of(), 2, WEEK);

        assertThat(report.precision()).isEqualTo(1.0);
        assertThat(report.recall()).isZero();
        assertThat(report.f1()).isZero();
        assertThat(report.delayMedian()).isNull();
        assertThat(report.delayP90()).isNull();
        assertThat(report.missed()).containsExactly(
                new MissedOutage("spotify", at("14:00"), at("16:00"), "spike", 50));
        assertThat(report.falseAlertsPerServiceWeek()).isZero();
    }

    @Test
    void theServiceCountIsTheDistinctServicesOfTheLabelsAndTheOthersGiven() {
        assertThat(Evaluation.serviceCount(LABELS, Set.of("netflix", "spotify"))).isEqualTo(3);
        assertThat(Evaluation.serviceCount(List.of(), Set.of())).isZero();
    }

    @Test
    void fewerServicesThanTheInputNamesIsRejected() {
        assertThatThrownBy(() -> Evaluation.score(LABELS, List.of(detection("netflix", "12:00")), 2, WEEK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("services must be at least the 3 services named in the labels and detections, got 2");
        assertThatThrownBy(() -> Evaluation.score(List.of(), List.of(), 0, WEEK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("services must be at least 1, got 0");
    }

    @Test
    void aSecondDetectionOfTheSameIncidentIsRejected() {
        Detection suspected = detection("spotify", "14:05");
        Detection updated = new Detection("spotify", suspected.incidentId(), suspected.openedAt(), at("14:06"));

        assertThatThrownBy(() -> Evaluation.score(LABELS, List.of(suspected, updated), 3, WEEK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detections must be one per incident, got spotify@14:05 of spotify twice");
    }

    @Test
    void aSpanThatIsNotPositiveOrANegativeToleranceIsRejected() {
        assertThatThrownBy(() -> Evaluation.score(List.of(), List.of(), 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("span must be positive, got PT0S");
        assertThatThrownBy(() -> Evaluation.score(List.of(), List.of(), 1, WEEK, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance must not be negative, got PT-1M");
    }
}
