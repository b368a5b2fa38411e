package dev.outageradar.alert.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long to wait before the next attempt: exponential from {@code first}, doubling up to {@code cap},
 * unless the receiver said when to come back (Retry-After, in seconds or as an HTTP date), which wins.
 * A receiver's Retry-After is still capped at {@link #MAX_RETRY_AFTER} so a bad header cannot park the
 * relay for a day.
 */
public record Backoff(Duration first, Duration cap) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    /** The wait after the given failed attempt (1 for the first). */
    public Duration delay(int failedAttempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.isNegative() ? Duration.ZERO : asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        int doublings = Math.min(failedAttempt - 1, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** A Retry-After header's value as a wait from {@code now}; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(now, at));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
