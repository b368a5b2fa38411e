package dev.outageradar.post;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;

/**
 * Turns the bytes of one record in the normalized post format into a {@link Post}, or says exactly why it
 * cannot. Never throws for bad input: the caller routes a rejection to the dead-letter topic.
 *
 * <p>Streams through the JSON once with Jackson's token parser instead of binding a tree: it is the first
 * step for every post, and unknown (possibly large) fields are skipped without being materialized.
 */
public final class PostParser {

    private static final JsonFactory JSON = new JsonFactory();

    private final int maxTextLength;

    /** @param maxTextLength longest accepted {@code text}, in characters; longer posts are rejected */
    public PostParser(int maxTextLength) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive: " + maxTextLength);
        }
        this.maxTextLength = maxTextLength;
    }

    public ParseResult parse(byte[] value) {
        if (value == null) {
            return new ParseResult.Rejected(RejectReason.NULL_VALUE, "record value is null");
        }
        try (JsonParser parser = JSON.createParser(value)) {
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
        } catch (IOException | RuntimeException e) {
            return new ParseResult.Rejected(RejectReason.NOT_JSON, "not valid JSON: " + oneLine(e.getMessage()));
        }
    }

    private ParseResult readObject(JsonParser parser) throws IOException {
        String id = null;
        String text = null;
        String author = null;
        String lang = null;
        String source = null;
        String country = null;
        Instant createdAt = null;
        String badTimestamp = null;
        boolean hasCreatedAt = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "id" -> id = scalarText(parser, token);
                case "text" -> {
                    if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                        return new ParseResult.Rejected(RejectReason.BAD_FIELD, "text must be a string, found " + token.asString());
                    }
                    text = parser.getValueAsString();
                }
                case "created_at" -> {
                    hasCreatedAt = token != JsonToken.VALUE_NULL;
                    try {
                        createdAt = EventTimes.parse(parser, token);
                    } catch (IllegalArgumentException e) {
                        badTimestamp = e.getMessage();
                    }
                }
                case "author" -> author = scalarText(parser, token);
                case "lang" -> lang = scalarText(parser, token);
                case "source" -> source = scalarText(parser, token);
                case "country" -> country = scalarText(parser, token);
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
    private static String scalarText(JsonParser parser, JsonToken token) throws IOException {
        if (token.isScalarValue()) {
            return token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
        }
        parser.skipChildren();
        return null;
    }

    /** Names what was found in words: a token's text is null for strings and numbers. */
    static ParseResult.Rejected notAnObject(JsonToken first) {
        String found = switch (first) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> first.name();
        };
        return new ParseResult.Rejected(RejectReason.NOT_AN_OBJECT, "expected a JSON object, found " + found);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse("").trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
