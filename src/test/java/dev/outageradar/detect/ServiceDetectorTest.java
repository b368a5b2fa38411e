package dev.outageradar.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceDetectorTest {

    private static final long MINUTE = 60_000;
    private final DetectorSettings settings = DetectorSettings.defaults(Duration.ofMinutes(1));
    private final ServiceDetector<EwmaBaseline.State> detector = new ServiceDetector<>(
            new EwmaBaseline(settings.windows(settings.halfLife()), settings.windows(settings.warmup())), settings);

    /** Feeds windows with the given counts after {@code history} and collects the events. */
    private final class Run {
        ServiceState<EwmaBaseline.State> state = detector.newService("spotify", -MINUTE);
        long nextStart = 0;
        final List<IncidentEvent> events = new ArrayList<>();
        final List<WindowAssessment> assessments = new ArrayList<>();

        Run windows(int n, long count) {
            for (int i = 0; i < n; i++) {
                WindowTally tally = new WindowTally("spotify", nextStart, nextStart + MINUTE, count, 0,
                        List.of("is spotify down? #" + nextStart), Map.of("login", count));
                var step = detector.judge(state, tally);
                state = step.next();
                assessments.add(step.assessment());
                step.event().ifPresent(events::add);
                nextStart += MINUTE;
            }
            return this;
        }

        List<IncidentEventType> types() {
            return events.stream().map(IncidentEvent::type).toList();
        }
    }

    @Test
    void burstFarAboveBaselineOpensExactlyOneIncidentAndResolvesAfterTheQuietPeriod() {
        Run run = new Run().windows(120, 5).windows(20, 300).windows(10, 5);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED, IncidentEventType.OUTAGE_RESOLVED);
        IncidentEvent opened = run.events.get(0);
        assertThat(opened.incidentId()).isEqualTo("spotify-19700101T0200Z");
        assertThat(opened.sequence()).isEqualTo(1);
        assertThat(opened.count()).isEqualTo(300);
        assertThat(opened.expected()).isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(opened.detectedAt().toEpochMilli()).isEqualTo(121 * MINUTE);
        assertThat(opened.samplePosts()).containsExactly("is spotify down? #" + 120 * MINUTE);
        assertThat(opened.topTerms()).containsExactly("login");
        IncidentEvent resolved = run.events.get(1);
        assertThat(resolved.incidentId()).isEqualTo(opened.incidentId());
        assertThat(resolved.sequence()).isEqualTo(2);
        assertThat(resolved.peakCount()).isEqualTo(300);
        // The fifth quiet window after the burst (windows 140..144) resolves it.
        assertThat(resolved.detectedAt().toEpochMilli()).isEqualTo(145 * MINUTE);
        assertThat(resolved.durationSeconds()).isEqualTo(25 * 60);
    }

    @Test
    void steadyTrafficWithNoiseNeverAlerts() {
        Run run = new Run();
        long[] noisy = {3, 7, 5, 4, 9, 6, 2, 5, 8, 4};
        for (int i = 0; i < 300; i++) {
            run.windows(1, noisy[i % noisy.length]);
        }

        assertThat(run.events).isEmpty();
    }

    @Test
    void coldStartIsSilentUntilTheWarmupHasPassed() {
        Run run = new Run().windows(30, 50);

        assertThat(run.events).isEmpty();
        assertThat(run.assessments).noneMatch(WindowAssessment::anomalous);
    }

    @Test
    void anOutageDoesNotRaiseTheBaseline() {
        Run run = new Run().windows(120, 5).windows(60, 300).windows(10, 5);
        double expectedAfter = run.assessments.get(run.assessments.size() - 1).expected();

        assertThat(expectedAfter).isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void fewPostsWhereAlmostNoneWereExpectedIsNotAnOutage() {
        Run run = new Run().windows(120, 0).windows(3, 3);

        assertThat(run.events).isEmpty();
    }

    @Test
    void threeTimesABusyServicesNormalIsAnOutage() {
        Run run = new Run().windows(120, 300).windows(2, 900);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED);
    }

    @Test
    void risingSeverityIsReportedAsAnUpdateOfTheSameIncident() {
        Run run = new Run().windows(120, 5).windows(1, 20).windows(1, 60).windows(1, 200);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED, IncidentEventType.OUTAGE_UPDATED,
                IncidentEventType.OUTAGE_UPDATED);
        assertThat(run.events).extracting(IncidentEvent::severity)
                .containsExactly(Severity.MINOR, Severity.MAJOR, Severity.CRITICAL);
        assertThat(run.events).extracting(IncidentEvent::sequence).containsExactly(1, 2, 3);
        assertThat(run.events).extracting(IncidentEvent::incidentId).containsOnly("spotify-19700101T0200Z");
    }

    @Test
    void neverTwoOpenIncidents() {
        Run run = new Run().windows(120, 5).windows(30, 300).windows(2, 5).windows(30, 300);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED);
    }

    @Test
    void thresholdIsTheSmallestAnomalousCount() {
        long threshold = detector.threshold(100);

        assertThat(threshold).isEqualTo(300); // min ratio 3 dominates the Poisson bound here
        assertThat(detector.threshold(0.001)).isEqualTo(10); // min count dominates for a silent service
    }
}
