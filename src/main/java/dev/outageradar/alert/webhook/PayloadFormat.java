package dev.outageradar.alert.webhook;

import dev.outageradar.alert.AlertEvent;
import java.time.Instant;

/**
 * Turns one alert event into the JSON body a kind of receiver expects. Pure: the same event, raw text and
 * clock give the same body, so every format is tested without HTTP.
 */
public interface PayloadFormat {

    /**
     * @param event the event as read from the alert topic
     * @param raw   the event's JSON exactly as on the topic
     * @param now   when the body is sent: Alertmanager's firing alerts carry an end time relative to it
     */
    String body(AlertEvent event, String raw, Instant now);
}
