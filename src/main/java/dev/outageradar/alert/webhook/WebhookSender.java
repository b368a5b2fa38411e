package dev.outageradar.alert.webhook;

import dev.outageradar.alert.AlertEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one alert event to the receiver, retrying what may succeed later until it is accepted or
 * refused for good. It returns only then, so the caller commits the event's offset after this call and
 * the receiver gets every event at least once. With Alertmanager it also hands open incidents to the
 * {@link OpenIncidentResender}.
 */
public final class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /** Waits between attempts; tests and the relay may wait differently from {@link Thread#sleep}. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public sealed interface Outcome {
        record Delivered(int attempts) implements Outcome {
        }

        record Rejected(int status, String body) implements Outcome {
        }
    }

    /** The receiver kept failing for more than the allowed retries. */
    public static final class GaveUpException extends Exception {
        public GaveUpException(String message) {
            super(message);
        }
    }

    private final WebhookClient client;
    private final PayloadFormat format;
    private final Backoff backoff;
    private final long maxRetries;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Optional<OpenIncidentResender> resender;

    /**
     * @param maxRetries retries after the first attempt before giving up; {@code Long.MAX_VALUE} for never
     */
    public WebhookSender(WebhookClient client, PayloadFormat format, Backoff backoff, long maxRetries, Clock clock,
                         Sleeper sleeper, Optional<OpenIncidentResender> resender) {
        this.client = client;
        this.format = format;
        this.backoff = backoff;
        this.maxRetries = maxRetries;
        this.clock = clock;
        this.sleeper = sleeper;
        this.resender = resender;
    }

    public Outcome deliver(AlertEvent event, String raw) throws InterruptedException, GaveUpException {
        String key = IdempotencyKey.of(event);
        resender.ifPresent(r -> r.beforeDelivery(event));
        for (int attempt = 1; ; attempt++) {
            // Rendered per attempt: an Alertmanager alert's end time is relative to when it is sent.
            Attempt result = client.post(format.body(event, raw, clock.instant()), key);
            if (result instanceof Attempt.Accepted) {
                resender.ifPresent(r -> r.afterDelivery(event, raw));
                return new Outcome.Delivered(attempt);
            }
            if (result instanceof Attempt.Rejected rejected) {
                return new Outcome.Rejected(rejected.status(), rejected.body());
            }
            Attempt.Retryable retryable = (Attempt.Retryable) result;
            if (attempt > maxRetries) {
                throw new GaveUpException("gave up delivering " + key + " after " + attempt + " attempts, last: "
                        + retryable.reason());
            }
            Duration wait = backoff.delay(attempt, retryable.retryAfter());
            log.warn("Webhook attempt {} for {} failed ({}); retrying in {} ms", attempt, key, retryable.reason(),
                    wait.toMillis());
            sleeper.sleep(wait);
        }
    }
}
