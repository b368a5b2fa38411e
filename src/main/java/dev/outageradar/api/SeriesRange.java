package dev.outageradar.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The time range of a series request, {@code from} (inclusive) to {@code to} (exclusive), from its query
 * parameters. By default the {@link #DEFAULT_SPAN} up to the end of the newest judged window: event time,
 * so a replayed feed's day is shown rather than today's empty one. A range may reach past what the history
 * holds (a {@code to} in the future is fine), but the part it holds may not be more than
 * {@link #MAX_POINTS} windows, which bounds the size of an answer whatever the retention.
 */
record SeriesRange(Instant from, Instant to) {

    /** The span of the dashboard's chart. */
    static final Duration DEFAULT_SPAN = Duration.ofHours(24);
    /** A week of one-minute windows, or a day of ten-second ones. */
    static final int MAX_POINTS = 10_080;

    /**
     * @param newestEnd   end of the newest window judged for the service
     * @param oldestStart start of the oldest window the history holds for it, or null when it holds none
     */
    static SeriesRange of(Map<String, String> query, Instant newestEnd, Instant oldestStart, Duration window) {
        Instant to = instant(query, "to", newestEnd);
        Duration span = window.multipliedBy(MAX_POINTS).compareTo(DEFAULT_SPAN) < 0 ? window.multipliedBy(MAX_POINTS)
                : DEFAULT_SPAN;
        Instant from = instant(query, "from", to.minus(span));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from (" + from + ") must be before to (" + to + ")");
        }
        Instant heldFrom = oldestStart == null || from.isAfter(oldestStart) ? from : oldestStart;
        Instant heldTo = to.isBefore(newestEnd) ? to : newestEnd;
        long windows = oldestStart != null && heldFrom.isBefore(heldTo)
                ? Duration.between(heldFrom, heldTo).dividedBy(window) : 0;
        if (windows > MAX_POINTS) {
            throw ApiException.badRequest("from " + from + " to " + to + " holds " + windows + " windows of " + window
                    + "; at most " + MAX_POINTS + " can be asked for at once");
        }
        return new SeriesRange(from, to);
    }

    private static Instant instant(Map<String, String> query, String name, Instant fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + "=\"" + value + "\" is not an ISO-8601 UTC time such as 2024-09-30T13:00:00Z");
        }
    }
}
