package dev.outageradar.alert.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outageradar.alert.AlertEvent;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.time.Instant;
import java.util.Locale;

/**
 * A PagerDuty Events API v2 event. The incident id is the dedup key, so SUSPECTED and every UPDATED
 * trigger (and refresh) one PagerDuty alert and RESOLVED resolves that same alert. A resolve carries no
 * payload: the API ignores it there.
 */
public final class PagerDutyPayload implements PayloadFormat {

    static final String SOURCE = "outage-radar";

    private final String routingKey;

    public PagerDutyPayload(String routingKey) {
        this.routingKey = routingKey;
    }

    @Override
    public String body(AlertEvent e, String raw, Instant now) {
        ObjectNode event = Json.object()
                .put("routing_key", routingKey)
                .put("event_action", e.type() == IncidentEventType.OUTAGE_RESOLVED ? "resolve" : "trigger")
                .put("dedup_key", e.incidentId());
        if (e.type() != IncidentEventType.OUTAGE_RESOLVED) {
            ObjectNode payload = event.putObject("payload")
                    .put("summary", String.format(Locale.ROOT, "%s outage suspected: %,d complaints vs %.1f expected",
                            e.service(), e.count(), e.expected()))
                    .put("source", SOURCE)
                    .put("severity", severity(e.severity()))
                    .put("timestamp", e.detectedAt().toString())
                    .put("component", e.service());
            payload.set("custom_details", Json.object()
                    .put("incident_id", e.incidentId())
                    .put("type", e.type().name())
                    .put("sequence", e.sequence())
                    .put("opened_at", e.openedAt().toString())
                    .put("count", e.count())
                    .put("expected", e.expected())
                    .put("ratio", e.ratio())
                    .putPOJO("sample_posts", e.samplePosts())
                    .putPOJO("top_terms", e.topTerms()));
        }
        return Json.write(event);
    }

    /** PagerDuty's four levels; info is left for events that are not outages. */
    static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case MAJOR -> "error";
            case MINOR -> "warning";
        };
    }
}
