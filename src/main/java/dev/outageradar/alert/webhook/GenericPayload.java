package dev.outageradar.alert.webhook;

import dev.outageradar.alert.AlertEvent;
import java.time.Instant;

/** The event exactly as on the topic, for receivers that read the alert schema themselves. */
public final class GenericPayload implements PayloadFormat {

    @Override
    public String body(AlertEvent event, String raw, Instant now) {
        return raw;
    }
}
