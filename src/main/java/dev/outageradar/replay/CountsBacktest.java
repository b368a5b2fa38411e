package dev.outageradar.replay;

import dev.outageradar.detect.IncidentEvent;
import dev.outageradar.detect.SeasonalBaseline;
import dev.outageradar.detect.ServiceDetector;
import dev.outageradar.detect.ServiceDetectors;
import dev.outageradar.detect.ServiceState;
import dev.outageradar.detect.WindowTally;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Consumer;

/**
 * Replays a counts file through the detectors alone, with no Kafka: the detector's half of a
 * {@link Backtest}, in seconds rather than minutes, for trying detector settings.
 *
 * <p>It judges windows as the topology does: a service starts at its first counted window, and from there
 * every window is judged in time order, a missing one as empty, through the last window of the file. So its
 * incident events are the topology's, but for what counts alone cannot give: sample posts and topics.
 */
public final class CountsBacktest {

    private CountsBacktest() {
    }

    /** @return the span judged: from the first window's start to the end of the last. */
    public static Span run(WindowCounts counts, ServiceDetectors detectors, Duration windowSize,
                           Consumer<IncidentEvent> onEvent) {
        Instant first = counts.from();
        if (first == null) {
            return new Span(null, null);
        }
        long windowMs = windowSize.toMillis();
        long last = counts.lastWindowStart().toEpochMilli();
        for (Map.Entry<String, NavigableMap<Long, Long>> service : counts.series().entrySet()) {
            ServiceDetector<SeasonalBaseline.State> detector = detectors.of(service.getKey());
            NavigableMap<Long, Long> windows = service.getValue();
            checkAligned(service.getKey(), windows, windowSize);
            long start = windows.firstKey();
            ServiceState<SeasonalBaseline.State> state = detector.newService(service.getKey(), start - windowMs);
            for (long t = start; t <= last; t += windowMs) {
                WindowTally tally = new WindowTally(service.getKey(), t, t + windowMs, windows.getOrDefault(t, 0L), 0,
                        List.of(), Map.of());
                ServiceDetector.Step<SeasonalBaseline.State> step = detector.judge(state, tally);
                state = step.next();
                step.event().ifPresent(onEvent);
            }
        }
        return new Span(first, Instant.ofEpochMilli(last + windowMs));
    }

    private static void checkAligned(String service, NavigableMap<Long, Long> windows, Duration windowSize) {
        for (long start : windows.keySet()) {
            if (Math.floorMod(start, windowSize.toMillis()) != 0) {
                throw new IllegalArgumentException(service + ": a window starts at " + Instant.ofEpochMilli(start)
                        + ", not on a boundary of " + windowSize + " windows: counts written with another window.size?");
            }
        }
    }

    /** The event-time span judged; both null when there was nothing to judge. */
    public record Span(Instant from, Instant to) {

        public Duration duration() {
            return from == null ? Duration.ZERO : Duration.between(from, to);
        }
    }
}
