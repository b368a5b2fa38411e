package dev.outageradar.alert.webhook;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.detect.IncidentEventType;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-posts the latest firing alert of every open incident each resend interval until its RESOLVED event is
 * delivered. Alertmanager resolves an alert it has not heard of for a while ({@code endsAt}, else
 * {@code resolve_timeout}), so a sender must keep repeating what is still firing, as Prometheus does.
 *
 * <p>Memory is one event per open incident. A resend is one attempt: a failure is logged and the next
 * tick tries again. Resends and deliveries of RESOLVED events are serialised by one lock, so a firing
 * re-post can never reach the receiver after the resolution of its incident and re-open it.
 */
public final class OpenIncidentResender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenIncidentResender.class);

    private record Open(AlertEvent event, String raw) {
    }

    private final WebhookClient client;
    private final PayloadFormat format;
    private final Clock clock;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outage-radar-webhook-resend");
        thread.setDaemon(true);
        return thread;
    });

    public OpenIncidentResender(WebhookClient client, PayloadFormat format, Duration interval, Clock clock) {
        this.client = client;
        this.format = format;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::resendAll, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A resolution stops the re-posts before it is sent, and waits for one in flight to finish. */
    synchronized void beforeDelivery(AlertEvent event) {
        if (event.type() == IncidentEventType.OUTAGE_RESOLVED) {
            open.remove(event.incidentId());
        }
    }

    synchronized void afterDelivery(AlertEvent event, String raw) {
        if (event.type() != IncidentEventType.OUTAGE_RESOLVED) {
            open.put(event.incidentId(), new Open(event, raw));
        }
    }

    public synchronized int openIncidents() {
        return open.size();
    }

    private synchronized void resendAll() {
        try {
            for (Open incident : List.copyOf(open.values())) {
                Attempt result = client.post(format.body(incident.event(), incident.raw(), clock.instant()),
                        IdempotencyKey.of(incident.event()));
                if (!(result instanceof Attempt.Accepted)) {
                    log.warn("Re-posting the open incident {} failed ({}); next try in one interval",
                            incident.event().incidentId(), result);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: keep re-posting, but say what went wrong.
            log.error("Re-posting open incidents failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
