package dev.outageradar.alert.webhook;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.time.Instant;
import java.util.List;

/** The alert events the webhook tests send: one spotify incident, opened at 14:00 and resolved at 14:30. */
final class Events {

    static final Instant OPENED = Instant.parse("2024-09-30T14:00:00Z");

    private Events() {
    }

    static AlertEvent suspected() {
        return event(IncidentEventType.OUTAGE_SUSPECTED, 1, 900, Instant.parse("2024-09-30T14:01:00Z"));
    }

    static AlertEvent resolved() {
        return event(IncidentEventType.OUTAGE_RESOLVED, 2, 31, Instant.parse("2024-09-30T14:30:00Z"));
    }

    static AlertEvent event(IncidentEventType type, int sequence, long count, Instant detected) {
        return new AlertEvent(AlertEvent.SCHEMA_VERSION, type, "spotify-20240930T1400Z", sequence, "spotify",
                detected.minusSeconds(60), detected, count, 30.0, 12.5, count / 30.0, Severity.CRITICAL, OPENED,
                900, detected.getEpochSecond() - OPENED.getEpochSecond(), detected,
                List.of("is spotify down?", "<!channel> spotify & me"), List.of("login"), 60, count, 30.0);
    }

    static String json(AlertEvent event) {
        try {
            return JsonFormat.mapper().writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
