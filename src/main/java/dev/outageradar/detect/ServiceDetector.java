package dev.outageradar.detect;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a service's windows one by one, in event-time order, and runs its incident lifecycle.
 *
 * <p>Each window adds to the service's recent history, which is judged over every configured scale (1, 5,
 * 15 and 60 minutes by default): a sharp spike shows in one window, a moderate outage of a small service
 * only in the sum of many. A scale is anomalous when its count passes all three bars of
 * {@link DetectorSettings}: min count and min ratio to the expected (seasonal) level, and min score against
 * the forecast of the span given the spell it falls in ({@link LocalLevel}), under the scale's learned noise
 * ({@link Dispersion}) widened by the model's own uncertainty ({@link BaselineModel#uncertainty}). The ratio
 * keeps a busy spell from being an outage; the forecast lets a sudden jump show within the spell.
 *
 * <p>Lifecycle: at most one open incident. SUSPECTED when any scale is anomalous; UPDATED when the
 * severity rises or the peak window has doubled since the last event (a bounded rate: at most one per
 * doubling); RESOLVED once the count over the quiet period, and over the scale that opened the incident
 * if longer, is back near normal.
 *
 * <p>Once the model has settled (past its cold start), learning is delayed by the longest scale: a window
 * teaches the baseline and the noise only once that much later traffic has shown no incident. An outage that builds up slowly is thus judged against what
 * was normal before it began, not against its own first half hour, and the windows of an incident (and of
 * the ramp before it opened) are never learned: an outage does not raise what counts as normal.
 */
public final class ServiceDetector<S> {

    private static final DateTimeFormatter INCIDENT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    /** Keeps ratios and scores finite for a service that is normally silent. */
    private static final double MIN_EXPECTED = 1e-3;
    private static final int MAX_TOP_TERMS = 3;

    private final BaselineModel<S> model;
    private final DetectorSettings settings;
    private final int[] scales;
    /** Windows a window waits before it is learned; the history also keeps the scales that end there. */
    private final int learnDelay;
    private final int historyCapacity;
    private final int quietWindows;
    private final double noiseDecay;
    private final double spellHalfLifeWindows;
    private final long windowMs;

    public ServiceDetector(BaselineModel<S> model, DetectorSettings settings) {
        this.model = model;
        this.settings = settings;
        this.scales = settings.scaleWindows();
        this.learnDelay = scales[scales.length - 1];
        this.quietWindows = settings.windows(settings.quietPeriod());
        this.noiseDecay = Math.pow(0.5, 1.0 / settings.windows(settings.noiseHalfLife()));
        this.windowMs = settings.windowSize().toMillis();
        this.spellHalfLifeWindows = (double) settings.spellHalfLife().toMillis() / windowMs;
        this.historyCapacity = Math.max(learnDelay + scales[scales.length - 1], quietWindows);
    }

    /** The detector with the seasonal model of normal. */
    public static ServiceDetector<SeasonalBaseline.State> seasonal(DetectorSettings settings) {
        return new ServiceDetector<>(new SeasonalBaseline(settings), settings);
    }

    /** The result of judging one window. */
    public record Step<S>(ServiceState<S> next, WindowAssessment assessment, Optional<IncidentEvent> event) {
    }

    public DetectorSettings settings() {
        return settings;
    }

    public ServiceState<S> newService(String service, long lastClosedWindowStart) {
        return new ServiceState<>(service, lastClosedWindowStart, Long.MIN_VALUE, model.initial(),
                Dispersion.prior(scales.length), RecentWindows.empty(), null);
    }

    public Step<S> judge(ServiceState<S> state, WindowTally window) {
        S baseline = state.baseline();
        // A change of scales in the configuration starts the noise estimate afresh.
        Dispersion dispersion = state.dispersion().scales() == scales.length ? state.dispersion()
                : Dispersion.prior(scales.length);
        double expected = Math.max(model.expected(baseline, window.windowStart()), MIN_EXPECTED);
        long count = window.complaints();
        RecentWindows recent = state.recent().plus(count, expected, historyCapacity);
        boolean warmedUp = model.warmedUp(baseline);
        double uncertainty = model.uncertainty(baseline, window.windowStart());
        LocalLevel level = level(dispersion);
        Evidence[] evidence = new Evidence[scales.length];
        for (int i = 0; i < scales.length; i++) {
            evidence[i] = evidence(recent, scales[i], level, dispersion.of(i) + uncertainty, warmedUp);
        }
        Evidence shortestAnomalous = null;
        Evidence strongest = evidence[0];
        for (Evidence e : evidence) {
            if (e.anomalous() && shortestAnomalous == null) {
                shortestAnomalous = e;
            }
            if (e.score() > strongest.score()) {
                strongest = e;
            }
        }
        Severity severity = shortestAnomalous != null
                ? Severity.of(shortestAnomalous.count(), shortestAnomalous.ratio(), settings.minCount())
                : Severity.of(count, count / expected, settings.minCount());

        OpenIncident incident = state.incident();
        long learnedThrough = state.learnedThrough();
        IncidentEvent event = null;
        if (incident == null) {
            if (shortestAnomalous != null) {
                incident = open(window, shortestAnomalous.windows(), severity);
                event = event(IncidentEventType.OUTAGE_SUSPECTED, incident, window, expected, strongest,
                        window.samples());
            } else {
                // Settled, a window waits out the delay; during the cold start it is learned at once.
                int delay = model.settled(baseline) ? learnDelay : 0;
                long start = window.windowStart() - delay * windowMs;
                if (recent.size() > delay && start > learnedThrough) {
                    int index = recent.size() - 1 - delay;
                    baseline = model.learn(baseline, start, recent.countAt(index), dispersion.of(scales.length - 1));
                    dispersion = dispersion.learn(recent, index, scales, level, noiseDecay);
                    learnedThrough = start;
                }
            }
        } else {
            incident = incident.grown(window, severity);
            int span = Math.max(quietWindows, incident.scaleWindows());
            long windowsOpen = (window.windowStart() - incident.openedAt()) / windowMs + 1;
            Evidence quiet = evidence(recent, Math.min(span, recent.size()), LocalLevel.NONE, dispersion.of(0), warmedUp);
            if (windowsOpen >= span && isNearNormal(quiet)) {
                event = event(IncidentEventType.OUTAGE_RESOLVED, incident.reported(), window, expected, quiet,
                        incident.samples());
                incident = null;
                recent = RecentWindows.empty();
            } else if (incident.severity().compareTo(state.incident().severity()) > 0
                    || incident.peakCount() >= 2 * incident.reportedPeak() && incident.peakCount() >= settings.minCount()) {
                incident = incident.reported();
                event = event(IncidentEventType.OUTAGE_UPDATED, incident, window, expected, strongest, window.samples());
            }
        }
        // The line a chart draws: while an incident is open the windows before this one are the incident's,
        // so it is drawn against the seasonal level alone rather than a spell made of the outage.
        WindowAssessment assessment = new WindowAssessment(window.service(), window.windowStart(), window.windowEnd(),
                count, window.recoveries(), expected, strongest.score(),
                threshold(expected, incident != null || recent.size() == 0 ? expected
                                : Math.max(level.forecast(recent, 1, recent.size() - 1), MIN_EXPECTED),
                        dispersion.of(0) + uncertainty),
                shortestAnomalous != null, incident == null ? null : incident.id());
        ServiceState<S> next = new ServiceState<>(state.service(), window.windowStart(), learnedThrough, baseline,
                dispersion, recent, incident);
        return new Step<>(next, assessment, Optional.ofNullable(event));
    }

    /** The spell model under this noise: how much the level wanders is the longest scale's noise. */
    private LocalLevel level(Dispersion dispersion) {
        return spellHalfLifeWindows <= 0 ? LocalLevel.NONE
                : new LocalLevel(spellHalfLifeWindows, dispersion.of(scales.length - 1));
    }

    private Evidence evidence(RecentWindows recent, int windows, LocalLevel level, double rateVariance,
                              boolean warmedUp) {
        if (recent.size() < windows) {
            return new Evidence(windows, 0, 0, 0, false);
        }
        long count = recent.countOver(windows);
        double expected = Math.max(recent.expectedOver(windows), MIN_EXPECTED);
        double forecast = Math.max(level.forecast(recent, windows, recent.size() - 1), MIN_EXPECTED);
        double score = PoissonTail.score(count, forecast, rateVariance);
        boolean anomalous = warmedUp && count >= settings.minCount() && count >= settings.minRatio() * expected
                && score >= settings.minScore();
        return new Evidence(windows, count, expected, score, anomalous);
    }

    /** Smallest count of one window that would be anomalous against this expectation: the dashboard line. */
    public long threshold(double expected, double rateVariance) {
        return threshold(expected, expected, rateVariance);
    }

    /**
     * Smallest count of one window that would be anomalous: at least min count, min ratio times the expected
     * level, and min score against the forecast given the current spell.
     */
    public long threshold(double expected, double forecast, double rateVariance) {
        long low = Math.max(settings.minCount(), (long) Math.ceil(settings.minRatio() * expected));
        if (PoissonTail.score(low, forecast, rateVariance) >= settings.minScore()) {
            return low;
        }
        long high = low;
        while (PoissonTail.score(high, forecast, rateVariance) < settings.minScore()) {
            low = high;
            high = high * 2;
        }
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (PoissonTail.score(mid, forecast, rateVariance) >= settings.minScore()) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private boolean isNearNormal(Evidence quiet) {
        return quiet.count() < settings.minCount() || quiet.count() <= quiet.expected() * settings.resolveRatio();
    }

    private static OpenIncident open(WindowTally window, int scaleWindows, Severity severity) {
        String id = window.service() + "-" + INCIDENT_TIME.format(Instant.ofEpochMilli(window.windowStart()));
        return new OpenIncident(id, window.windowStart(), scaleWindows, 1, window.complaints(), window.complaints(),
                severity, window.samples(), window.topics());
    }

    private IncidentEvent event(IncidentEventType type, OpenIncident incident, WindowTally window, double expected,
                                Evidence evidence, List<String> samples) {
        Instant detectedAt = Instant.ofEpochMilli(window.windowEnd());
        return new IncidentEvent(type, incident.id(), incident.sequence(), window.service(),
                Instant.ofEpochMilli(window.windowStart()), detectedAt, window.complaints(), expected,
                evidence.score(), window.complaints() / expected, incident.severity(),
                Instant.ofEpochMilli(incident.openedAt()), incident.peakCount(),
                (detectedAt.toEpochMilli() - incident.openedAt()) / 1000, detectedAt,
                samples.isEmpty() ? incident.samples() : samples, topTerms(incident.topics()),
                Duration.ofMillis(evidence.windows() * windowMs), evidence.count(), evidence.expected());
    }

    private static List<String> topTerms(Map<String, Long> topics) {
        return topics.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TOP_TERMS)
                .map(Map.Entry::getKey)
                .toList();
    }
}
