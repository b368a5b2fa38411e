package dev.outageradar.post;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON shapes an archived post comes in, told apart by fields only that shape has. An object with none of
 * them is taken for the normalized form, whose own rules then say what is missing.
 */
public enum PostShape {
    NORMALIZED("a normalized post", "id, created_at, text"),
    X("an X tweet", "data, author_id, edit_history_tweet_ids"),
    MASTODON("a Mastodon status", "account with content"),
    BLUESKY("a Bluesky post", "$type app.bsky.*, createdAt, record, commit, did");

    private final String withArticle;
    private final String markers;

    PostShape(String withArticle, String markers) {
        this.withArticle = withArticle;
        this.markers = markers;
    }

    /** The shape of one JSON object. */
    public static PostShape of(JsonNode object) {
        if (object.path("data").isContainerNode() || object.has("author_id") || object.has("edit_history_tweet_ids")) {
            return X;
        }
        if (object.path("account").isObject() && object.has("content")) {
            return MASTODON;
        }
        if (object.path("$type").asText("").startsWith("app.bsky.") || object.has("createdAt")
                || object.path("record").isObject() || object.path("commit").isObject() || object.has("did")) {
            return BLUESKY;
        }
        return NORMALIZED;
    }

    /** For a person: "X tweet", "Mastodon status"... */
    public String label() {
        return withArticle.substring(withArticle.indexOf(' ') + 1);
    }

    /** "an X tweet", "a Mastodon status"... */
    String withArticle() {
        return withArticle;
    }

    /** The fields that tell this shape, as a person reads them. */
    String markers() {
        return markers;
    }
}
