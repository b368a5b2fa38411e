package dev.outageradar.post;

import java.time.Instant;
import java.util.Objects;

/**
 * One social-media post in the normalized form every input format is turned into.
 * {@code createdAt} is the event time of the whole pipeline; the optional fields are null when absent.
 */
public record Post(String id, Instant createdAt, String text, String author, String lang, String source,
                   String country) {

    public Post {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(text, "text");
    }
}
