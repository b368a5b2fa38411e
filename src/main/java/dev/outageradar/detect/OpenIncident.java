package dev.outageradar.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the detector remembers about a service's open incident between windows.
 *
 * @param openedAt     start of the window that opened it
 * @param scaleWindows the shortest scale that showed it: counts must be back to normal over at least
 *                     this span before it resolves
 * @param sequence     sequence number of the last event emitted for it
 * @param reportedPeak peak count carried by the last event, so growth is reported at a bounded rate
 * @param samples      sample posts from the window that opened it
 * @param topics       complaint topic counts over the incident
 */
public record OpenIncident(String id, long openedAt, int scaleWindows, int sequence, long peakCount,
                           long reportedPeak, Severity severity, List<String> samples, Map<String, Long> topics) {

    /** After one more window of the incident. */
    OpenIncident grown(WindowTally window, Severity windowSeverity) {
        Map<String, Long> merged = new HashMap<>(topics);
        window.topics().forEach((topic, n) -> merged.merge(topic, n, Long::sum));
        return new OpenIncident(id, openedAt, scaleWindows, sequence, Math.max(peakCount, window.complaints()),
                reportedPeak, windowSeverity.compareTo(severity) > 0 ? windowSeverity : severity, samples,
                Map.copyOf(merged));
    }

    /** As carried by the next event. */
    OpenIncident reported() {
        return new OpenIncident(id, openedAt, scaleWindows, sequence + 1, peakCount, peakCount, severity, samples,
                topics);
    }
}
