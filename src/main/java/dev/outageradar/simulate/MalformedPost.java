package dev.outageradar.simulate;

import dev.outageradar.post.Post;
import dev.outageradar.post.PostJson;

/** A post written with a defect, so that a reader's dead-letter path has something real to handle. */
public record MalformedPost(Post post, MalformedLine.Defect defect) implements FeedLine {

    @Override
    public String json() {
        return switch (defect) {
            case NOT_JSON -> {
                String whole = PostJson.line(post);
                yield whole.substring(0, whole.length() * 2 / 3);
            }
            case MISSING_CREATED_AT -> PostJson.line(post, null);
            case BAD_TIMESTAMP -> PostJson.line(post, post.createdAt().toString().replaceFirst("T\\d\\d:\\d\\d", "T25:61"));
        };
    }
}
