package dev.outageradar.topology;

import dev.outageradar.post.Post;

/** A post record after parsing: either usable, or the original bytes bound for the dead-letter topic. */
sealed interface ParsedPost {

    record Accepted(Post post) implements ParsedPost {
    }

    /** @param original the record's value, cut only if its dead letter would be too large to send (DeadLetterSize) */
    record Rejected(byte[] original) implements ParsedPost {
    }
}
