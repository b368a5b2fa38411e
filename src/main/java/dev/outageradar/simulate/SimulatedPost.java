package dev.outageradar.simulate;

import dev.outageradar.post.Post;
import dev.outageradar.post.PostJson;

/** A generated post with the truth about it: which service it is about and whether it complains. */
public record SimulatedPost(Post post, String serviceId, PostKind kind) implements FeedLine {

    @Override
    public String json() {
        return PostJson.line(post);
    }
}
