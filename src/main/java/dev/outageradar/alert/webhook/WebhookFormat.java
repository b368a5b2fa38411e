package dev.outageradar.alert.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of receiver {@code alerts --webhook} can post to. */
public enum WebhookFormat {
    SLACK, ALERTMANAGER, PAGERDUTY, GENERIC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookFormat> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(WebhookFormat::id).collect(Collectors.joining(", "));
    }
}
