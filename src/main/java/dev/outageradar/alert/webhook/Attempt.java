package dev.outageradar.alert.webhook;

import java.time.Duration;
import java.util.Optional;

/** What one POST came to: accepted, refused for good, or worth another try. */
public sealed interface Attempt {

    record Accepted(int status) implements Attempt {
    }

    /** A 4xx other than 408 and 429: sending the same body again cannot succeed. */
    record Rejected(int status, String body) implements Attempt {
    }

    /** A 5xx, 408, 429, a timeout or no connection. */
    record Retryable(String reason, Optional<Duration> retryAfter) implements Attempt {
    }

    static Attempt ofStatus(int status, String body, Optional<Duration> retryAfter) {
        if (status >= 200 && status < 300) {
            return new Accepted(status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Retryable("HTTP " + status, retryAfter);
        }
        return new Rejected(status, body);
    }
}
