package dev.outageradar.post;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * The accepted forms of {@code created_at}: ISO-8601 with an offset or Z, or epoch milliseconds (as a JSON
 * number or a string of digits). A local time without an offset is refused: guessing its zone would shift
 * every window by hours.
 *
 * <p>Whatever the form, the time must lie between {@link #FLOOR} and {@link #CEILING}: outside them it is
 * not a post's time but a placeholder (0) or a unit mix-up (seconds or microseconds for milliseconds). How
 * far ahead of the stream a time in that range may be is a matter of context, judged by
 * {@link PostTimestampExtractor}.
 */
final class EventTimes {

    /** The day of the first post on Twitter: no service outage-radar reads holds an older one. */
    static final Instant FLOOR = Instant.parse("2006-03-21T00:00:00Z");
    /** The end of the year 9999: beyond it, ISO-8601 needs a sign and epoch millis near overflow. */
    static final Instant CEILING = Instant.parse("9999-12-31T23:59:59.999Z");

    private EventTimes() {
    }

    static Instant parse(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new IllegalArgumentException("created_at " + abbreviate(parser.getText())
                            + " is out of range for epoch milliseconds");
                }
                yield fromEpochMillis(parser.getLongValue());
            }
            case VALUE_STRING -> parse(parser.getText());
            case VALUE_NULL -> throw new IllegalArgumentException("created_at is null");
            default -> {
                parser.skipChildren();
                throw new IllegalArgumentException("created_at must be an ISO-8601 string or epoch milliseconds, found "
                        + PostParser.describe(token));
            }
        };
    }

    static Instant parse(String value) {
        String text = value.trim();
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return fromEpochMillis(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("created_at " + abbreviate(text) + " is out of range for epoch milliseconds");
            }
        }
        Instant time = utcFast(text);
        if (time == null) {
            try {
                time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("created_at is not ISO-8601 with an offset or Z: " + abbreviate(text));
            }
        }
        if (time.isBefore(FLOOR)) {
            throw new IllegalArgumentException("created_at " + abbreviate(text) + " is before " + day(FLOOR)
                    + ", older than any post");
        }
        if (time.isAfter(CEILING)) {
            throw new IllegalArgumentException("created_at " + abbreviate(text) + " is after the year 9999");
        }
        return time;
    }

    /**
     * The common form, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, read by hand; null for anything else (other
     * offsets, other shapes, impossible dates), which the formatter then parses or refuses. The formatter
     * took a tenth of the offline run's time in the profile, as every post's time is parsed.
     */
    static Instant utcFast(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The non-negative number the ASCII digits from..to spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant fromEpochMillis(long millis) {
        if (millis < FLOOR.toEpochMilli()) {
            boolean seconds = millis > 0 && millis <= CEILING.getEpochSecond() && millis >= FLOOR.getEpochSecond();
            throw new IllegalArgumentException("created_at " + millis + " is before " + day(FLOOR)
                    + " in epoch milliseconds, older than any post" + (seconds ? " (epoch seconds?)" : ""));
        }
        if (millis > CEILING.toEpochMilli()) {
            long asMicros = millis / 1_000;
            boolean micros = asMicros >= FLOOR.toEpochMilli() && asMicros <= CEILING.toEpochMilli();
            throw new IllegalArgumentException("created_at " + millis + " is after the year 9999 in epoch milliseconds"
                    + (micros ? " (epoch microseconds?)" : ""));
        }
        return Instant.ofEpochMilli(millis);
    }

    private static String day(Instant time) {
        return time.toString().substring(0, 10);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
