package dev.outageradar.post;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads one JSON line of an archive in any {@link PostShape} into a post. The shape's reader only picks the
 * fields out; the post is then judged by {@link PostParser} on its normalized form, so an archive accepts
 * exactly the posts the live pipeline accepts (text, time forms, length limit).
 *
 * <p>Unlike {@link PostParser}, this binds a tree: the archived shapes nest their fields, and the archives
 * are read once, offline.
 */
public final class ArchivedPostParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final PostParser normalized;

    /** @param maxTextLength longest accepted text, in characters, as for {@link PostParser} */
    public ArchivedPostParser(int maxTextLength) {
        this.normalized = new PostParser(maxTextLength);
    }

    /**
     * @param expected the shape the line must have, or null to tell it from the line's fields. A line expected
     *                 to be {@link PostShape#NORMALIZED} is read by {@link PostParser} alone, whatever else it has.
     */
    public ParseResult parse(byte[] line, PostShape expected) {
        if (expected == PostShape.NORMALIZED) {
            return normalized.parse(line);
        }
        ParseResult.Rejected notUtf8 = PostParser.notUtf8(line);
        if (notUtf8 != null) {
            return notUtf8;
        }
        JsonNode object;
        try {
            object = JSON.readTree(line);
        } catch (IOException | RuntimeException e) {
            return PostParser.unreadable(e);
        }
        if (object == null || object.isMissingNode()) {
            return new ParseResult.Rejected(RejectReason.NOT_JSON, "record value is empty");
        }
        if (!object.isObject()) {
            return PostParser.notAnObject(object.asToken());
        }
        PostShape shape = PostShape.of(object);
        if (expected != null && shape != expected) {
            return new ParseResult.Rejected(RejectReason.WRONG_FORMAT, shape == PostShape.NORMALIZED
                    ? "expected " + expected.withArticle() + ", found none of " + expected.markers()
                    : "expected " + expected.withArticle() + ", found " + shape.withArticle());
        }
        if (shape == PostShape.NORMALIZED) {
            return normalized.parse(line);
        }
        Translation translation = switch (shape) {
            case X -> XTweet.translate(object);
            case MASTODON -> MastodonStatus.translate(object);
            case BLUESKY -> BlueskyPost.translate(object);
            case NORMALIZED -> throw new IllegalStateException("read by PostParser above");
        };
        if (translation instanceof Translation.Refused refused) {
            return new ParseResult.Rejected(refused.reason(), refused.detail());
        }
        return judged(shape, ((Translation.Normalized) translation).post());
    }

    private ParseResult judged(PostShape shape, JsonNode post) {
        ParseResult result;
        try {
            result = normalized.parse(JSON.writeValueAsBytes(post));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        if (result instanceof ParseResult.Rejected rejected) {
            return new ParseResult.Rejected(rejected.reason(), shape.label() + ": " + rejected.detail());
        }
        return result;
    }
}
