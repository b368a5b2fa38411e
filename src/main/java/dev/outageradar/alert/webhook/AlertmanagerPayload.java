package dev.outageradar.alert.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outageradar.alert.AlertEvent;
import dev.outageradar.detect.IncidentEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A body for Alertmanager's {@code POST /api/v2/alerts}: an array with one alert.
 *
 * <p>Alertmanager identifies an alert by its labels, so the labels are only what stays the same for the
 * whole incident (alert name, service, incident id). Severity is an annotation, not a label: it can rise
 * in an UPDATED event, and a severity label would then make a second alert while the first kept firing
 * and the RESOLVED event resolved only the last one.
 *
 * <p>While firing, {@code endsAt} is four resend intervals ahead, as Prometheus does: a sender that keeps
 * re-posting holds the alert open, and one that died lets it resolve by itself instead of firing for
 * ever. RESOLVED sets {@code endsAt} to the detection time of the resolution, which resolves it at once.
 */
public final class AlertmanagerPayload implements PayloadFormat {

    public static final String ALERT_NAME = "OutageSuspected";

    private final Duration resendInterval;

    public AlertmanagerPayload(Duration resendInterval) {
        this.resendInterval = resendInterval;
    }

    public Duration resendInterval() {
        return resendInterval;
    }

    @Override
    public String body(AlertEvent e, String raw, Instant now) {
        boolean resolved = e.type() == IncidentEventType.OUTAGE_RESOLVED;
        ArrayNode alerts = Json.object().arrayNode();
        ObjectNode alert = alerts.addObject();
        alert.putObject("labels")
                .put("alertname", ALERT_NAME)
                .put("service", e.service())
                .put("incident_id", e.incidentId());
        alert.putObject("annotations")
                .put("summary", e.service() + (resolved ? " outage resolved" : " outage suspected"))
                .put("description", String.format(Locale.ROOT,
                        "%,d complaints in the window ending %s against %.1f expected (x%.0f); peak %,d.",
                        e.count(), e.windowEnd(), e.expected(), e.ratio(), e.peakCount()))
                .put("severity", e.severity().name().toLowerCase(Locale.ROOT))
                .put("event_type", e.type().name())
                .put("sequence", Integer.toString(e.sequence()));
        alert.put("startsAt", e.openedAt().toString());
        alert.put("endsAt", (resolved ? e.detectedAt() : now.plus(resendInterval.multipliedBy(4))).toString());
        return Json.write(alerts);
    }
}
