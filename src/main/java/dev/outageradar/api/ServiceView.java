package dev.outageradar.api;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.detect.OpenIncident;
import dev.outageradar.detect.RecentWindows;
import dev.outageradar.detect.SeasonalBaseline;
import dev.outageradar.detect.ServiceDetector;
import dev.outageradar.detect.ServiceDetectors;
import dev.outageradar.detect.ServiceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a service's detector state into what the API shows: the newest closed window against what was
 * expected in it, the open incident, and the recent windows as a series. Only what the state holds can be
 * shown: the last windows the detector keeps for its evidence (a few hours at most, and none from before
 * the last resolved incident, since the detector starts its history afresh then).
 */
final class ServiceView {

    /** A service as {@code /api/services} lists it; the window fields are null when no window is held. */
    record Summary(String service, Instant windowStart, Long count, Double expected, Double ratio, Long threshold,
                   Incident incident) {
    }

    record Incident(String id, String service, Instant openedAt, String severity, long peakCount) {
    }

    record Point(Instant windowStart, long count, double expected, long threshold) {
    }

    /** @param availableFrom start of the oldest window the state holds: nothing earlier can be served */
    record Series(String service, Instant from, Instant to, Instant availableFrom, Instant availableTo,
                  List<Point> windows) {
    }

    private final ServiceDetectors detectors;
    private final long windowMs;

    ServiceView(ServiceDetectors detectors, Duration windowSize) {
        this.detectors = detectors;
        this.windowMs = windowSize.toMillis();
    }

    Summary summary(ServiceState<SeasonalBaseline.State> state) {
        Incident incident = incident(state);
        List<Point> points = points(state);
        if (points.isEmpty()) {
            return new Summary(state.service(), null, null, null, null, null, incident);
        }
        Point last = points.get(points.size() - 1);
        return new Summary(state.service(), last.windowStart(), last.count(), last.expected(),
                AlertEvent.round(last.count() / last.expected()), last.threshold(), incident);
    }

    /** How far above normal the newest window is, for sorting; services without a window sort last. */
    static double ratioOf(Summary summary) {
        return summary.ratio() == null ? -1 : summary.ratio();
    }

    Incident incident(ServiceState<SeasonalBaseline.State> state) {
        OpenIncident open = state.incident();
        return open == null ? null : new Incident(open.id(), state.service(), Instant.ofEpochMilli(open.openedAt()),
                open.severity().name(), open.peakCount());
    }

    /** The windows starting in [from, to) that the state holds. */
    Series series(ServiceState<SeasonalBaseline.State> state, Instant from, Instant to) {
        List<Point> all = points(state);
        List<Point> selected = all.stream()
                .filter(p -> !p.windowStart().isBefore(from) && p.windowStart().isBefore(to)).toList();
        Instant availableFrom = all.isEmpty() ? null : all.get(0).windowStart();
        Instant availableTo = all.isEmpty() ? null : all.get(all.size() - 1).windowStart().plusMillis(windowMs);
        return new Series(state.service(), from, to, availableFrom, availableTo, selected);
    }

    /**
     * The held windows, oldest first. They are consecutive (the detector judges every window, empty ones
     * included) and the newest is the last closed one. The threshold uses today's noise estimate and model
     * uncertainty, not the ones of that window's time: close, not identical, to what the detector used.
     */
    private List<Point> points(ServiceState<SeasonalBaseline.State> state) {
        ServiceDetector<SeasonalBaseline.State> detector = detectors.of(state.service());
        SeasonalBaseline model = new SeasonalBaseline(detector.settings());
        RecentWindows recent = state.recent();
        double noise = state.dispersion().of(0);
        List<Point> points = new ArrayList<>(recent.size());
        for (int i = 0; i < recent.size(); i++) {
            long start = state.lastClosedWindowStart() - (long) (recent.size() - 1 - i) * windowMs;
            double expected = recent.expected()[i];
            long threshold = detector.threshold(expected, noise + model.uncertainty(state.baseline(), start));
            points.add(new Point(Instant.ofEpochMilli(start), recent.countAt(i), AlertEvent.round(expected), threshold));
        }
        return points;
    }
}
