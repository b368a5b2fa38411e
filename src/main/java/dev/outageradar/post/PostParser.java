package dev.outageradar.post;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Turns the bytes of one record in the normalized post format into a {@link Post}, or says exactly why it
 * cannot. Never throws for bad input: the caller routes a rejection to the dead-letter topic.
 *
 * <p>Streams through the JSON once with Jackson's token parser instead of binding a tree: it is the first
 * step for every post, and unknown (possibly large) fields are skipped without being materialized.
 *
 * <p>Whatever a record holds, the work and memory it costs are bounded. A record must be well-formed UTF-8
 * (a leading byte order mark is ignored, as RFC 8259 allows); no string that is kept is decoded past the
 * text limit, so a 50 MB text is rejected after a few thousand characters; nesting deeper than
 * {@value #MAX_NESTING_DEPTH} levels is refused by Jackson, whose parser has no recursion to overflow.
 */
public final class PostParser {

    /** Jackson's default, stated here because it is part of what the README promises. */
    static final int MAX_NESTING_DEPTH = 1_000;
    /** The fields other than text may be this long even when the text limit is set lower. */
    private static final int MIN_STRING_LIMIT = 1_000;
    /** The fields read; each may appear once, since which of two values is meant is anyone's guess. */
    private static final List<String> FIELDS = List.of("id", "created_at", "text", "author", "lang", "source",
            "country");

    private final JsonFactory json;
    private final int maxTextLength;
    private final int maxStringLength;

    /** @param maxTextLength longest accepted {@code text}, in characters; longer posts are rejected */
    public PostParser(int maxTextLength) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive: " + maxTextLength);
        }
        this.maxTextLength = maxTextLength;
        this.maxStringLength = Math.max(maxTextLength, MIN_STRING_LIMIT);
        this.json = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(maxStringLength).maxNestingDepth(MAX_NESTING_DEPTH).build()).build();
    }

    public ParseResult parse(byte[] value) {
        if (value == null) {
            return new ParseResult.Rejected(RejectReason.NULL_VALUE, "record value is null");
        }
        ParseResult.Rejected notUtf8 = notUtf8(value);
        if (notUtf8 != null) {
            return notUtf8;
        }
        try (JsonParser parser = json.createParser(value)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ParseResult.Rejected(RejectReason.NOT_JSON, "record value is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                return notAnObject(first);
            }
            ParseResult result = readObject(parser);
            if (result instanceof ParseResult.Parsed && parser.nextToken() != null) {
                return new ParseResult.Rejected(RejectReason.NOT_JSON, "trailing content after the JSON object");
            }
            return result;
        } catch (Rejection rejection) {
            return rejection.result;
        } catch (IOException | RuntimeException e) {
            return unreadable(e);
        }
    }

    private ParseResult readObject(JsonParser parser) throws IOException, Rejection {
        String id = null;
        String text = null;
        String author = null;
        String lang = null;
        String source = null;
        String country = null;
        Instant createdAt = null;
        String badTimestamp = null;
        boolean hasCreatedAt = false;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            int known = FIELDS.indexOf(field);
            if (known >= 0) {
                if ((seen & 1 << known) != 0) {
                    throw new Rejection(RejectReason.BAD_FIELD, field + " appears more than once");
                }
                seen |= 1 << known;
            }
            switch (field) {
                case "id" -> id = scalarText(parser, token, field);
                case "text" -> {
                    if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                        return new ParseResult.Rejected(RejectReason.BAD_FIELD, "text must be a string, found "
                                + describe(token));
                    }
                    text = token == JsonToken.VALUE_NULL ? null : string(parser, field);
                }
                case "created_at" -> {
                    hasCreatedAt = token != JsonToken.VALUE_NULL;
                    try {
                        createdAt = EventTimes.parse(parser, token);
                    } catch (IllegalArgumentException e) {
                        badTimestamp = e.getMessage();
                    }
                }
                case "author" -> author = scalarText(parser, token, field);
                case "lang" -> lang = scalarText(parser, token, field);
                case "source" -> source = scalarText(parser, token, field);
                case "country" -> country = scalarText(parser, token, field);
                default -> parser.skipChildren();
            }
        }
        if (text == null || text.isBlank()) {
            return new ParseResult.Rejected(RejectReason.MISSING_TEXT, "required field text is missing or empty");
        }
        if (!hasCreatedAt) {
            return new ParseResult.Rejected(RejectReason.MISSING_CREATED_AT, "required field created_at is missing");
        }
        if (badTimestamp != null) {
            return new ParseResult.Rejected(RejectReason.BAD_TIMESTAMP, badTimestamp);
        }
        if (text.length() > maxTextLength) {
            return new ParseResult.Rejected(RejectReason.TEXT_TOO_LONG,
                    "text has " + text.length() + " characters, the limit is " + maxTextLength);
        }
        return new ParseResult.Parsed(new Post(id, createdAt, text, author, lang, source, country));
    }

    /** Identifiers arrive as strings or numbers depending on the exporter; anything nested is ignored. */
    private String scalarText(JsonParser parser, JsonToken token, String field) throws IOException, Rejection {
        if (token == JsonToken.VALUE_STRING) {
            return string(parser, field);
        }
        if (token.isScalarValue()) {
            return token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
        }
        parser.skipChildren();
        return null;
    }

    /**
     * A string value, decoded only up to the string limit (Jackson stops there), and refused when it holds
     * an unpaired surrogate: such a string cannot be written as UTF-8 and would turn into '?' or an error
     * wherever it goes next.
     */
    private String string(JsonParser parser, String field) throws IOException, Rejection {
        String value;
        try {
            value = parser.getText();
        } catch (StreamConstraintsException e) {
            throw field.equals("text")
                    ? new Rejection(RejectReason.TEXT_TOO_LONG, "text has more than " + maxStringLength
                            + " characters, the limit is " + maxTextLength)
                    : new Rejection(RejectReason.LIMIT_EXCEEDED, field + " has more than " + maxStringLength
                            + " characters");
        }
        int unpaired = Unicode.firstUnpairedSurrogate(value);
        if (unpaired >= 0) {
            throw new Rejection(RejectReason.BAD_FIELD, String.format("%s is not valid Unicode: unpaired surrogate"
                    + " \\u%04X at character %d", field, (int) value.charAt(unpaired), unpaired));
        }
        return value;
    }

    /** A rejection for bytes that are not well-formed UTF-8, or null when they are. */
    static ParseResult.Rejected notUtf8(byte[] value) {
        int at = Unicode.firstMalformedUtf8(value);
        if (at < 0) {
            return null;
        }
        return new ParseResult.Rejected(RejectReason.NOT_JSON, value[at] == 0
                ? "not UTF-8 JSON: a NUL byte at offset " + at + " (UTF-16 or UTF-32 text?)"
                : String.format("not UTF-8: malformed byte 0x%02X at offset %d", value[at] & 0xFF, at));
    }

    /** Why Jackson could not read a record: a limit it enforces, or broken JSON. */
    static ParseResult.Rejected unreadable(Exception e) {
        if (e instanceof StreamConstraintsException limit) {
            // Jackson names its own setter in the message; a reader of the dead-letter topic needs the numbers.
            String message = limit.getOriginalMessage().replaceAll(", from `[^`]*`", "");
            return new ParseResult.Rejected(RejectReason.LIMIT_EXCEEDED, "over a parser limit: " + oneLine(message));
        }
        return new ParseResult.Rejected(RejectReason.NOT_JSON, "not valid JSON: " + oneLine(e.getMessage()));
    }

    /** Names what was found in words: a token's text is null for strings and numbers. */
    static ParseResult.Rejected notAnObject(JsonToken first) {
        return new ParseResult.Rejected(RejectReason.NOT_AN_OBJECT, "expected a JSON object, found " + describe(first));
    }

    static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse("").trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** Ends the reading of a record as soon as it is known to be unusable. */
    private static final class Rejection extends Exception {

        private final ParseResult.Rejected result;

        Rejection(RejectReason reason, String detail) {
            super(detail, null, false, false);
            this.result = new ParseResult.Rejected(reason, detail);
        }
    }
}
