package dev.outageradar.post;

/** What {@link PostParser} made of one record: a post, or the reason it is unusable. */
public sealed interface ParseResult {

    record Parsed(Post post) implements ParseResult {
    }

    /** @param detail one line for a person reading the dead-letter topic */
    record Rejected(RejectReason reason, String detail) implements ParseResult {
    }
}
