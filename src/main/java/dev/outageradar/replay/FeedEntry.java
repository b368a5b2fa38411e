package dev.outageradar.replay;

import dev.outageradar.post.ParseResult;
import dev.outageradar.post.Post;
import dev.outageradar.post.PostJson;
import java.nio.charset.StandardCharsets;

/** One record of a feed file, numbered by the line it starts on (1-based): a post, or why it is not one. */
public sealed interface FeedEntry {

    long line();

    /** @param json the post in the normalized form, as sent to the posts topic */
    record Accepted(long line, Post post, byte[] json) implements FeedEntry {
    }

    /** @param reason one line for a person; @param original the record as it was in the file */
    record Rejected(long line, String reason, String original) implements FeedEntry {
    }

    /**
     * The entry for a record the parser judged. An accepted post is written in the canonical normalized form,
     * whatever form the file had, so the same post is always the same bytes.
     */
    static FeedEntry of(long line, ParseResult result, String original) {
        if (result instanceof ParseResult.Parsed parsed) {
            return new Accepted(line, parsed.post(), PostJson.line(parsed.post()).getBytes(StandardCharsets.UTF_8));
        }
        return new Rejected(line, ((ParseResult.Rejected) result).detail(), original);
    }
}
