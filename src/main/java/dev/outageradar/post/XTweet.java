package dev.outageradar.post;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An X (Twitter) API v2 tweet object, bare or as a single-tweet response {@code {"data": {...}, "includes": ...}}.
 * A long post's full text is in {@code note_tweet.text}; {@code text} then holds a truncated copy. A retweet
 * or quote counts for its own author, so it is read like any other tweet.
 */
final class XTweet {

    static final String SOURCE = "twitter";

    private XTweet() {
    }

    static Translation translate(JsonNode object) {
        JsonNode data = object.path("data");
        if (data.isArray()) {
            return new Translation.Refused(RejectReason.NOT_A_POST, "X response holds " + data.size()
                    + " tweets in data; expected one tweet per line (flatten the archive first)");
        }
        JsonNode tweet = data.isObject() ? data : object;
        String text = Translation.string(tweet.path("note_tweet"), "text");
        if (Translation.blank(text)) {
            text = Translation.string(tweet, "text");
        }
        if (Translation.blank(text)) {
            return new Translation.Refused(RejectReason.MISSING_TEXT, "X tweet has no text");
        }
        JsonNode createdAt = Translation.present(tweet, "created_at");
        if (createdAt == null) {
            return new Translation.Refused(RejectReason.MISSING_CREATED_AT, "X tweet has no created_at");
        }
        return Translation.Normalized.of(Translation.scalar(tweet, "id"), createdAt, text,
                Translation.scalar(tweet, "author_id"), Translation.string(tweet, "lang"), SOURCE);
    }
}
