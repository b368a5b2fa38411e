package dev.outageradar.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServiceDetectorTest {

    private static final long MINUTE = 60_000;
    private final DetectorSettings settings = DetectorSettings.defaults(Duration.ofMinutes(1));
    private final ServiceDetector<SeasonalBaseline.State> detector = ServiceDetector.seasonal(settings);

    /** Feeds windows with the given counts after {@code history} and collects the events. */
    private final class Run {
        final ServiceDetector<SeasonalBaseline.State> detector;
        ServiceState<SeasonalBaseline.State> state;
        long nextStart = 0;
        final List<IncidentEvent> events = new ArrayList<>();
        final List<WindowAssessment> assessments = new ArrayList<>();

        Run() {
            this(ServiceDetectorTest.this.detector);
        }

        Run(ServiceDetector<SeasonalBaseline.State> detector) {
            this.detector = detector;
            this.state = detector.newService("spotify", -MINUTE);
        }

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

        List<IncidentEvent> eventsAfter(long windowStartMs) {
            return events.stream().filter(e -> e.windowStart().toEpochMilli() >= windowStartMs).toList();
        }

        List<IncidentEventType> types() {
            return events.stream().map(IncidentEvent::type).toList();
        }
    }

    @Test
    void burstFarAboveBaselineOpensExactlyOneIncidentAndResolvesAfterTheQuietPeriod() {
        Run run = new Run().windows(120, 5).windows(20, 300).windows(20, 5);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED, IncidentEventType.OUTAGE_RESOLVED);
        IncidentEvent opened = run.events.get(0);
        assertThat(opened.incidentId()).isEqualTo("spotify-19700101T0200Z");
        assertThat(opened.sequence()).isEqualTo(1);
        assertThat(opened.count()).isEqualTo(300);
        assertThat(opened.expected()).isCloseTo(5.0, within(1e-9));
        assertThat(opened.scale()).isEqualTo(Duration.ofMinutes(1));
        assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(opened.detectedAt().toEpochMilli()).isEqualTo(121 * MINUTE);
        assertThat(opened.samplePosts()).containsExactly("is spotify down? #" + 120 * MINUTE);
        assertThat(opened.topTerms()).containsExactly("login");
        IncidentEvent resolved = run.events.get(1);
        assertThat(resolved.incidentId()).isEqualTo(opened.incidentId());
        assertThat(resolved.sequence()).isEqualTo(2);
        assertThat(resolved.peakCount()).isEqualTo(300);
        // Resolved once the quiet period (15 windows) holds no more than 1.5x normal: windows 140..154.
        assertThat(resolved.detectedAt().toEpochMilli()).isEqualTo(155 * MINUTE);
        assertThat(resolved.scale()).isEqualTo(Duration.ofMinutes(15));
        assertThat(resolved.durationSeconds()).isEqualTo(35 * 60);
    }

    @Test
    void steadyTrafficWithNoiseNeverAlerts() {
        Run run = new Run();
        long[] noisy = {3, 7, 5, 4, 9, 6, 2, 5, 8, 4};
        for (int i = 0; i < 3000; i++) {
            run.windows(1, noisy[i % noisy.length]);
        }

        assertThat(run.events).isEmpty();
    }

    @Test
    void coldStartIsSilentUntilTheWarmupHasPassed() {
        Run run = new Run().windows(30, 50).windows(5, 500);

        assertThat(run.events).isEmpty();
        assertThat(run.assessments).noneMatch(WindowAssessment::anomalous);
    }

    @Test
    void anOutageDoesNotRaiseTheBaseline() {
        Run run = new Run().windows(120, 5).windows(60, 300).windows(1, 5);
        double expectedAfter = run.assessments.get(run.assessments.size() - 1).expected();

        assertThat(expectedAfter).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void fewPostsWhereAlmostNoneWereExpectedIsNotAnOutage() {
        Run run = new Run().windows(120, 0).windows(3, 1);

        assertThat(run.events).isEmpty();
    }

    @Test
    void threeTimesABusyServicesNormalIsAnOutage() {
        Run run = new Run().windows(120, 300).windows(2, 900);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED);
    }

    @Test
    void aSharpTwoMinuteSpikeIsCaughtInItsFirstWindow() {
        Run run = new Run().windows(180, 2).windows(2, 40).windows(30, 2);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED, IncidentEventType.OUTAGE_RESOLVED);
        assertThat(run.events.get(0).detectedAt().toEpochMilli()).isEqualTo(181 * MINUTE);
    }

    @Test
    void aModerateOutageNoSingleWindowShowsIsCaughtOverALongerScale() {
        // One complaint a minute, then three: no window reaches min count, but fifteen minutes do.
        Run run = new Run().windows(180, 1).windows(30, 3);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED);
        IncidentEvent opened = run.events.get(0);
        assertThat(opened.scale()).isGreaterThan(Duration.ofMinutes(1));
        assertThat(opened.scaleCount()).isGreaterThanOrEqualTo(settings.minCount());
        assertThat(opened.detectedAt().toEpochMilli()).isLessThanOrEqualTo(195 * MINUTE);
    }

    @Test
    void aSurgeOfOneAndAHalfTimesNormalIsNotAnOutage() {
        Run run = new Run().windows(600, 20).windows(300, 30);

        assertThat(run.events).isEmpty();
    }

    @Test
    void risingSeverityIsReportedAsAnUpdateOfTheSameIncident() {
        Run run = new Run().windows(120, 5).windows(1, 25).windows(1, 60).windows(1, 200);

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
    void anIncidentThatResolvedCanBeFollowedByANewOne() {
        Run run = new Run().windows(120, 5).windows(10, 300).windows(30, 5).windows(10, 300);

        assertThat(run.types()).containsExactly(IncidentEventType.OUTAGE_SUSPECTED, IncidentEventType.OUTAGE_RESOLVED,
                IncidentEventType.OUTAGE_SUSPECTED);
        assertThat(run.events.get(2).incidentId()).isNotEqualTo(run.events.get(0).incidentId());
    }

    @Test
    void aJumpWithinAQuietSpellIsJudgedAgainstTheSpellNotAgainstEverySpellTheServiceHas() {
        // Two days of a busy service whose rate alternates between quiet (70) and busy (130) spells of 100
        // minutes, then, in a quiet spell, three times the spell's rate: 2.1x the service's usual level,
        // but inside the range its spells wander over if the spell is not known.
        DetectorSettings s = settings;
        DetectorSettings withoutSpells = new DetectorSettings(s.windowSize(), s.minCount(), s.minRatio(),
                s.minScore(), s.scales(), s.halfLife(), s.learningHalfLife(), s.seasonHalfLife(), s.noiseHalfLife(),
                Duration.ZERO, s.warmup(), s.quietPeriod(), s.resolveRatio());
        Random random = new Random(7);
        long[] counts = new long[2 * 24 * 60 + 50 + 5];
        for (int i = 0; i < counts.length; i++) {
            boolean busy = (i / 100) % 2 == 1 && i < 2 * 24 * 60;
            double rate = i >= 2 * 24 * 60 + 50 ? 210 : busy ? 130 : 70;
            counts[i] = PoissonCounts.draw(random, rate);
        }

        Run spells = new Run(detector);
        Run noSpells = new Run(ServiceDetector.seasonal(withoutSpells));
        for (long count : counts) {
            spells.windows(1, count);
            noSpells.windows(1, count);
        }

        // (Within the first day, the first spell change the model ever sees may alert: it is learning.)
        long jump = (2 * 24 * 60 + 50) * MINUTE;
        List<IncidentEvent> settled = spells.eventsAfter(24 * 60 * MINUTE);
        assertThat(settled).extracting(IncidentEvent::type).containsExactly(IncidentEventType.OUTAGE_SUSPECTED);
        assertThat(settled.get(0).windowStart().toEpochMilli()).isBetween(jump, jump + MINUTE);
        assertThat(noSpells.eventsAfter(24 * 60 * MINUTE))
                .noneMatch(e -> e.windowStart().toEpochMilli() <= jump + MINUTE);
    }

    @Test
    void duringAnIncidentTheThresholdLineStaysWhereNormalTrafficPutsIt() {
        // A busy service with spells (so the spell level can move), then an outage at ten times normal.
        Random random = new Random(11);
        Run run = new Run();
        int day = 24 * 60;
        for (int i = 0; i < 2 * day; i++) {
            run.windows(1, PoissonCounts.draw(random, (i / 100) % 2 == 1 ? 130 : 70));
        }
        run.windows(20, 1000);
        long highestNormal = run.assessments.subList(day, 2 * day).stream()
                .mapToLong(WindowAssessment::threshold).max().orElseThrow();

        // Not raised by a "spell" that is the outage itself.
        assertThat(run.assessments.subList(2 * day, 2 * day + 20)).allSatisfy(a -> {
            assertThat(a.incidentId()).isNotNull();
            assertThat(a.threshold()).isLessThanOrEqualTo(highestNormal);
        });
    }

    @Test
    void thresholdIsTheSmallestAnomalousCount() {
        assertThat(detector.threshold(100, 0)).isEqualTo(200); // min ratio 2 dominates the Poisson bound
        assertThat(detector.threshold(0.001, 0)).isEqualTo(10); // min count dominates for a silent service
        long poisson = detector.threshold(30, 0);
        assertThat(PoissonTail.score(poisson, 30)).isGreaterThanOrEqualTo(6);
        assertThat(PoissonTail.score(poisson - 1, 30)).isLessThan(6);
        assertThat(detector.threshold(30, 0.1)).isGreaterThan(poisson); // a wandering rate needs more evidence
    }
}
