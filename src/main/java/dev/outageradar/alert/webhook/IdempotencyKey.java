package dev.outageradar.alert.webhook;

import dev.outageradar.alert.AlertEvent;

/**
 * {@code <incident_id>/<type>/<sequence>}, sent as the {@code Idempotency-Key} header. Delivery is
 * at-least-once, so a receiver may see an event twice (after a timeout whose request did arrive, or a
 * restart before the commit); this key lets it drop the repeat.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {
    }

    public static String of(AlertEvent e) {
        return e.incidentId() + "/" + e.type() + "/" + e.sequence();
    }
}
