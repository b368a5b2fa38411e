package dev.outageradar.alert;

import dev.outageradar.detect.IncidentEvent;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.time.Instant;
import java.util.List;

/**
 * An event on the alert topic, keyed by service id: the public contract with on-call tooling. Fields are
 * only ever added; a change that removes or redefines one raises {@link #SCHEMA_VERSION}.
 *
 * @param windowStart     start of the window that caused the event
 * @param detectedAt      event time of the detection: the end of that window
 * @param durationSeconds from opened_at to detected_at
 * @param evidenceSeconds span of the evidence behind the event: one window for a sharp spike, longer for a
 *                        moderate outage; for RESOLVED, the span found back to normal
 * @param evidenceCount   complaints over that span
 * @param evidenceExpected complaints expected over that span
 */
public record AlertEvent(int schemaVersion, IncidentEventType type, String incidentId, int sequence, String service,
                         Instant windowStart, Instant windowEnd, long count, double expected, double score,
                         double ratio, Severity severity, Instant openedAt, long peakCount, long durationSeconds,
                         Instant detectedAt, List<String> samplePosts, List<String> topTerms,
                         long evidenceSeconds, long evidenceCount, double evidenceExpected) {

    public static final int SCHEMA_VERSION = 1;

    public static AlertEvent of(IncidentEvent e) {
        return new AlertEvent(SCHEMA_VERSION, e.type(), e.incidentId(), e.sequence(), e.service(), e.windowStart(),
                e.windowEnd(), e.count(), round(e.expected()), round(e.score()), round(e.ratio()), e.severity(),
                e.openedAt(), e.peakCount(), e.durationSeconds(), e.detectedAt(), e.samplePosts(), e.topTerms(),
                e.scale().toSeconds(), e.scaleCount(), round(e.scaleExpected()));
    }

    /** Three decimals: enough for people, and stable text for consumers that diff events. */
    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
