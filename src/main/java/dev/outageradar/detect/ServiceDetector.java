package dev.outageradar.detect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a service's windows one by one, in event-time order, and runs its incident lifecycle: at most one
 * open incident; SUSPECTED when a window is far above normal; UPDATED when severity rises or the peak
 * doubles; RESOLVED after the quiet period of near-normal windows. The baseline learns only from windows
 * outside incidents, so an outage never raises what counts as normal.
 */
public final class ServiceDetector<S> {

    private static final DateTimeFormatter INCIDENT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final double MIN_EXPECTED = 1e-3;
    private static final int MAX_TOP_TERMS = 3;

    private final BaselineModel<S> model;
    private final DetectorSettings settings;
    private final long quietWindows;

    public ServiceDetector(BaselineModel<S> model, DetectorSettings settings) {
        this.model = model;
        this.settings = settings;
        this.quietWindows = settings.windows(settings.quietPeriod());
    }

    /** The result of judging one window. */
    public record Step<S>(ServiceState<S> next, WindowAssessment assessment, Optional<IncidentEvent> event) {
    }

    public ServiceState<S> newService(String service, long lastClosedWindowStart) {
        return new ServiceState<>(service, lastClosedWindowStart, model.initial(), null);
    }

    public Step<S> judge(ServiceState<S> state, WindowTally window) {
        double expected = Math.max(model.expected(state.baseline(), window.windowStart()), MIN_EXPECTED);
        long threshold = threshold(expected);
        long count = window.complaints();
        boolean anomalous = model.warmedUp(state.baseline()) && count >= threshold;
        double score = PoissonTail.score(count, expected);
        double ratio = count / expected;

        OpenIncident incident = state.incident();
        S baseline = state.baseline();
        IncidentEvent event = null;
        if (incident == null) {
            if (anomalous) {
                incident = open(window, expected, ratio);
                event = event(IncidentEventType.OUTAGE_SUSPECTED, incident, window, expected, score, ratio,
                        window.samples());
            } else {
                baseline = model.learn(baseline, window.windowStart(), count);
            }
        } else if (isNearNormal(count, expected)) {
            incident = withQuietWindow(incident);
            if (incident.quietWindows() >= quietWindows) {
                event = event(IncidentEventType.OUTAGE_RESOLVED, next(incident), window, expected, score, ratio,
                        incident.samples());
                incident = null;
            }
        } else {
            OpenIncident grown = grow(incident, window, ratio);
            if (grown.severity().compareTo(incident.severity()) > 0 || grown.peakCount() >= 2 * incident.reportedPeak()) {
                grown = next(grown);
                grown = withReportedPeak(grown);
                event = event(IncidentEventType.OUTAGE_UPDATED, grown, window, expected, score, ratio, window.samples());
            }
            incident = grown;
        }
        WindowAssessment assessment = new WindowAssessment(window.service(), window.windowStart(), window.windowEnd(),
                count, window.recoveries(), expected, score, threshold, anomalous,
                incident == null ? null : incident.id());
        return new Step<>(state.with(window.windowStart(), baseline, incident), assessment, Optional.ofNullable(event));
    }

    /** Smallest count that would be anomalous against this expectation: the line drawn on dashboards. */
    public long threshold(double expected) {
        long low = Math.max(settings.minCount(), (long) Math.ceil(settings.minRatio() * expected));
        if (PoissonTail.score(low, expected) >= settings.minScore()) {
            return low;
        }
        long high = low;
        while (PoissonTail.score(high, expected) < settings.minScore()) {
            low = high;
            high = high * 2;
        }
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (PoissonTail.score(mid, expected) >= settings.minScore()) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private boolean isNearNormal(long count, double expected) {
        return count < settings.minCount() || count <= expected * settings.resolveRatio();
    }

    private OpenIncident open(WindowTally window, double expected, double ratio) {
        String id = window.service() + "-" + INCIDENT_TIME.format(Instant.ofEpochMilli(window.windowStart()));
        Severity severity = Severity.of(window.complaints(), ratio, settings.minCount());
        return new OpenIncident(id, window.windowStart(), expected, 1, window.complaints(), window.complaints(),
                severity, 0, window.samples(), window.topics());
    }

    private OpenIncident grow(OpenIncident incident, WindowTally window, double ratio) {
        Severity severity = Severity.of(window.complaints(), ratio, settings.minCount());
        Map<String, Long> topics = new HashMap<>(incident.topics());
        window.topics().forEach((topic, n) -> topics.merge(topic, n, Long::sum));
        return new OpenIncident(incident.id(), incident.openedAt(), incident.expectedAtOpen(), incident.sequence(),
                Math.max(incident.peakCount(), window.complaints()), incident.reportedPeak(),
                severity.compareTo(incident.severity()) > 0 ? severity : incident.severity(), 0, incident.samples(),
                Map.copyOf(topics));
    }

    private static OpenIncident withQuietWindow(OpenIncident i) {
        return new OpenIncident(i.id(), i.openedAt(), i.expectedAtOpen(), i.sequence(), i.peakCount(),
                i.reportedPeak(), i.severity(), i.quietWindows() + 1, i.samples(), i.topics());
    }

    private static OpenIncident next(OpenIncident i) {
        return new OpenIncident(i.id(), i.openedAt(), i.expectedAtOpen(), i.sequence() + 1, i.peakCount(),
                i.reportedPeak(), i.severity(), i.quietWindows(), i.samples(), i.topics());
    }

    private static OpenIncident withReportedPeak(OpenIncident i) {
        return new OpenIncident(i.id(), i.openedAt(), i.expectedAtOpen(), i.sequence(), i.peakCount(),
                i.peakCount(), i.severity(), i.quietWindows(), i.samples(), i.topics());
    }

    private static IncidentEvent event(IncidentEventType type, OpenIncident incident, WindowTally window,
                                       double expected, double score, double ratio, List<String> samples) {
        Instant openedAt = Instant.ofEpochMilli(incident.openedAt());
        Instant detectedAt = Instant.ofEpochMilli(window.windowEnd());
        return new IncidentEvent(type, incident.id(), incident.sequence(), window.service(),
                Instant.ofEpochMilli(window.windowStart()), detectedAt, window.complaints(), expected, score, ratio,
                incident.severity(), openedAt, incident.peakCount(),
                (detectedAt.toEpochMilli() - incident.openedAt()) / 1000,
                detectedAt, samples.isEmpty() ? incident.samples() : samples, topTerms(incident.topics()));
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
