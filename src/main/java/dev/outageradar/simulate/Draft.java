package dev.outageradar.simulate;

import dev.outageradar.post.Post;
import java.time.Instant;

/** A post before it has its place in the feed, and so before it has an id. */
record Draft(Instant createdAt, String text, String author, String source, String country, String serviceId,
             PostKind kind) {

    static final String LANG = "en";

    Draft withCreatedAt(Instant t) {
        return new Draft(t, text, author, source, country, serviceId, kind);
    }

    Post toPost(String id) {
        return new Post(id, createdAt, text, author, LANG, source, country);
    }
}
