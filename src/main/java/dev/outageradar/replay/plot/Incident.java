package dev.outageradar.replay.plot;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.time.Instant;

/**
 * One incident as a band on the picture: from the window it was opened in to the end of the window that
 * resolved it. While it is open, {@code end} is the latest window its alerts spoke of.
 *
 * @param resolved  false when the feed ended before the incident did
 * @param severity  the worst severity any of its alerts gave
 * @param peakCount highest window count of the incident
 */
public record Incident(String id, String service, Instant start, Instant end, boolean resolved, Severity severity,
                       long peakCount) {

    static Incident opened(AlertEvent alert) {
        return new Incident(alert.incidentId(), alert.service(), alert.openedAt(), alert.windowEnd(),
                alert.type() == IncidentEventType.OUTAGE_RESOLVED, alert.severity(), alert.peakCount());
    }

    Incident with(AlertEvent alert) {
        Instant latest = alert.windowEnd().isAfter(end) ? alert.windowEnd() : end;
        Severity worst = alert.severity().compareTo(severity) > 0 ? alert.severity() : severity;
        return new Incident(id, service, start, latest, resolved || alert.type() == IncidentEventType.OUTAGE_RESOLVED,
                worst, Math.max(peakCount, alert.peakCount()));
    }

    /** An incident still open when the feed ended lasts, as far as anyone can tell, to the end of the data. */
    Incident endingBy(Instant dataEnd) {
        return resolved || !dataEnd.isAfter(end) ? this
                : new Incident(id, service, start, dataEnd, false, severity, peakCount);
    }
}
