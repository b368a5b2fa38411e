package dev.outageradar.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A change in a service's incident, in event time: {@code detectedAt} is the end of the window that caused
 * it, so replaying a feed reproduces the same events.
 *
 * @param sequence   1 for SUSPECTED, then +1 per event of the same incident
 * @param peakCount  highest window count of the incident so far
 * @param topTerms   complaint topics most mentioned in the incident so far, most frequent first
 * @param scale      the span of the evidence behind the event (for RESOLVED, the quiet span)
 * @param scaleCount complaints over that span
 * @param scaleExpected complaints expected over that span
 */
public record IncidentEvent(IncidentEventType type, String incidentId, int sequence, String service,
                            Instant windowStart, Instant windowEnd, long count, double expected, double score,
                            double ratio, Severity severity, Instant openedAt, long peakCount,
                            long durationSeconds, Instant detectedAt, List<String> samplePosts,
                            List<String> topTerms, Duration scale, long scaleCount, double scaleExpected) {
}
