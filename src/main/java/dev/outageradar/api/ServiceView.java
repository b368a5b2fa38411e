package dev.outageradar.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outageradar.alert.AlertEvent;
import dev.outageradar.detect.OpenIncident;
import dev.outageradar.detect.SeasonalBaseline;
import dev.outageradar.detect.ServiceState;
import dev.outageradar.topology.IncidentSummary;
import dev.outageradar.topology.JudgedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * Turns a service's detector state and history into what the API shows: the newest judged window against
 * what was expected in it, the open incident, and the judged windows and incidents of a time range.
 *
 * <p>Windows come from the window history, which holds every judged window with the expected level and
 * threshold the detector used then; not from the few windows the detector keeps as evidence, which it
 * empties when an incident resolves (so the newest window and the incident's windows would vanish from
 * the answer at the very moment the incident ends).
 */
final class ServiceView {

    /**
     * A service as {@code /api/services} lists it; the window fields are null when no window is held.
     *
     * @param recentCounts the counts of the newest windows, oldest first, only when asked for
     */
    record Summary(String service, Instant windowStart, Long count, Double expected, Double ratio, Long threshold,
                   Incident incident, @JsonInclude(JsonInclude.Include.NON_NULL) List<Long> recentCounts) {
    }

    /** @param resolvedAt null while the incident is open */
    record Incident(String id, String service, Instant openedAt, Instant resolvedAt, String severity,
                    long peakCount) {

        static Incident of(IncidentSummary summary) {
            return new Incident(summary.id(), summary.service(), summary.openedAt(), summary.resolvedAt(),
                    summary.severity().name(), summary.peakCount());
        }
    }

    record Point(Instant windowStart, long count, double expected, long threshold, boolean anomalous) {
    }

    /**
     * @param availableFrom start of the oldest window the history holds: nothing earlier can be served
     * @param availableTo   end of the newest judged window
     * @param incidents     the service's incidents that overlap [from, to), open or resolved
     */
    record Series(String service, Instant from, Instant to, Instant availableFrom, Instant availableTo,
                  List<Point> windows, List<Incident> incidents) {
    }

    private final ServiceHistory history;
    private final long windowMs;

    ServiceView(ServiceHistory history, Duration windowSize) {
        this.history = history;
        this.windowMs = windowSize.toMillis();
    }

    /** @param recentWindows how many of the newest windows' counts to add; 0 for none */
    Summary summary(ServiceState<SeasonalBaseline.State> state, int recentWindows) {
        Incident incident = incident(state);
        Instant newest = newestWindowStart(state);
        List<KeyValue<Long, JudgedWindow>> windows = history.windows(state.service(),
                newest.minusMillis((long) Math.max(recentWindows - 1, 0) * windowMs), newest.plusMillis(windowMs));
        List<Long> recent = recentWindows == 0 ? null : windows.stream().map(entry -> entry.value.count()).toList();
        if (windows.isEmpty() || windows.get(windows.size() - 1).key != newest.toEpochMilli()) {
            return new Summary(state.service(), null, null, null, null, null, incident, recent);
        }
        JudgedWindow last = windows.get(windows.size() - 1).value;
        return new Summary(state.service(), newest, last.count(), AlertEvent.round(last.expected()),
                AlertEvent.round(last.count() / last.expected()), last.threshold(), incident, recent);
    }

    /** How far above normal the newest window is, for sorting; services without a window sort last. */
    static double ratioOf(Summary summary) {
        return summary.ratio() == null ? -1 : summary.ratio();
    }

    /** The open incident, from the detector's state (the history agrees, but the state is the source). */
    Incident incident(ServiceState<SeasonalBaseline.State> state) {
        OpenIncident open = state.incident();
        return open == null ? null : new Incident(open.id(), state.service(), Instant.ofEpochMilli(open.openedAt()),
                null, open.severity().name(), open.peakCount());
    }

    /** Start of the newest window the detector has judged for the service. */
    Instant newestWindowStart(ServiceState<SeasonalBaseline.State> state) {
        return Instant.ofEpochMilli(state.lastClosedWindowStart());
    }

    /** The judged windows and the incidents of the range the query asks for (see {@link SeriesRange}). */
    Series series(ServiceState<SeasonalBaseline.State> state, Map<String, String> query) {
        String service = state.service();
        KeyValue<Long, JudgedWindow> oldest = history.oldest(service);
        Instant availableFrom = oldest == null ? null : Instant.ofEpochMilli(oldest.key);
        Instant newestEnd = newestWindowStart(state).plusMillis(windowMs);
        SeriesRange range = SeriesRange.of(query, newestEnd, availableFrom, Duration.ofMillis(windowMs));
        Instant from = range.from();
        Instant to = range.to();
        List<Point> points = history.windows(service, from, to).stream()
                .map(entry -> new Point(Instant.ofEpochMilli(entry.key), entry.value.count(),
                        AlertEvent.round(entry.value.expected()), entry.value.threshold(), entry.value.anomalous()))
                .toList();
        List<Incident> incidents = history.incidents(service).stream()
                .filter(i -> i.openedAt().isBefore(to) && (i.resolvedAt() == null || i.resolvedAt().isAfter(from)))
                .map(Incident::of)
                .toList();
        Instant availableTo = oldest == null ? null : newestEnd;
        return new Series(service, from, to, availableFrom, availableTo, points, incidents);
    }

    /** Every incident this instance's history holds, open and resolved. */
    List<Incident> localIncidents() {
        return history.allIncidents().stream().map(Incident::of).toList();
    }
}
