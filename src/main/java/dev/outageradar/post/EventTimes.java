package dev.outageradar.post;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The accepted forms of {@code created_at}: ISO-8601 with an offset or Z, or epoch milliseconds (as a JSON
 * number or a string of digits). A local time without an offset is refused: guessing its zone would shift
 * every window by hours.
 */
final class EventTimes {

    /** Year 1970 to 9999: outside that a value is a unit mix-up (seconds, microseconds), not a post time. */
    private static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

    private EventTimes() {
    }

    static Instant parse(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> fromEpochMillis(parser.getLongValue());
            case VALUE_STRING -> parse(parser.getText());
            case VALUE_NULL -> throw new IllegalArgumentException("created_at is null");
            default -> {
                parser.skipChildren();
                throw new IllegalArgumentException("created_at must be an ISO-8601 string or epoch milliseconds, found "
                        + token.asString());
            }
        };
    }

    static Instant parse(String value) {
        String text = value.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                return fromEpochMillis(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("created_at is not a valid epoch-milliseconds value: " + abbreviate(text));
            }
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("created_at is not ISO-8601 with an offset or Z: " + abbreviate(text));
        }
    }

    private static Instant fromEpochMillis(long millis) {
        if (millis < 0 || millis > MAX_EPOCH_MILLIS) {
            throw new IllegalArgumentException("created_at epoch milliseconds out of range: " + millis);
        }
        return Instant.ofEpochMilli(millis);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
