package dev.outageradar.topology;

import dev.outageradar.detect.IncidentEvent;
import dev.outageradar.detect.OpenIncident;
import dev.outageradar.detect.Severity;
import java.time.Instant;

/**
 * An incident as the incident history keeps it: open (no {@code resolvedAt}) or resolved. Written when an
 * incident opens, whenever its severity or peak changes, and when it resolves, so the history of an open
 * incident agrees with the detector's state; kept until {@link HistorySettings#incidentRetention} after it
 * resolved.
 *
 * @param openedAt   start of the window that opened it
 * @param resolvedAt end of the window whose quiet closed it (event time), or null while it is open
 * @param peakCount  the highest window count of the incident
 */
public record IncidentSummary(String id, String service, Instant openedAt, Instant resolvedAt, Severity severity,
                              long peakCount) {

    static IncidentSummary open(String service, OpenIncident incident) {
        return new IncidentSummary(incident.id(), service, Instant.ofEpochMilli(incident.openedAt()), null,
                incident.severity(), incident.peakCount());
    }

    static IncidentSummary resolved(IncidentEvent resolution) {
        return new IncidentSummary(resolution.incidentId(), resolution.service(), resolution.openedAt(),
                resolution.detectedAt(), resolution.severity(), resolution.peakCount());
    }

    /**
     * The store key: service, then the opening time zero-padded, so one service's incidents are adjacent
     * and in time order (a key range reads them).
     */
    public static String key(String service, Instant openedAt) {
        return keyPrefix(service) + String.format("%015d", openedAt.toEpochMilli());
    }

    /** What the keys of one service's incidents, and only those, start with (service ids hold no '|'). */
    public static String keyPrefix(String service) {
        return service + '|';
    }
}
