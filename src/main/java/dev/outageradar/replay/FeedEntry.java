package dev.outageradar.replay;

import dev.outageradar.post.Post;

/** One record of a feed file, numbered by the line it starts on (1-based): a post, or why it is not one. */
public sealed interface FeedEntry {

    long line();

    /** @param json the post in the normalized form, as sent to the posts topic */
    record Accepted(long line, Post post, byte[] json) implements FeedEntry {
    }

    /** @param reason one line for a person; @param original the record as it was in the file */
    record Rejected(long line, String reason, String original) implements FeedEntry {
    }
}
