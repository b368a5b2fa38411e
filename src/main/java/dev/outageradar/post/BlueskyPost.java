package dev.outageradar.post;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Bluesky {@code app.bsky.feed.post} record: bare, inside a firehose commit event
 * ({@code {"did", "commit": {"operation", "collection", "rkey", "record"}}}), or in the post view of
 * getPosts and feeds ({@code {"uri", "author": {"handle"}, "record"}}).
 *
 * <p>The id is the post's {@code at://} URI, built from the commit's did and rkey when there is no uri, so a
 * post archived from the firehose and from the API has the same id.
 */
final class BlueskyPost {

    static final String SOURCE = "bluesky";
    private static final String POST_TYPE = "app.bsky.feed.post";

    private BlueskyPost() {
    }

    static Translation translate(JsonNode object) {
        JsonNode commit = object.path("commit");
        if (commit.isObject()) {
            return fromCommit(object.path("did").asText(null), commit);
        }
        JsonNode record = object.path("record");
        if (record.isObject()) {
            JsonNode author = object.path("author");
            String handle = Translation.string(author, "handle");
            return fromRecord(record, Translation.string(object, "uri"),
                    handle != null ? handle : Translation.string(author, "did"));
        }
        if (!object.has("$type") && !object.has("text") && object.has("did")) {
            return new Translation.Refused(RejectReason.NOT_A_POST, "Bluesky event of kind "
                    + object.path("kind").asText("unknown") + " holds no post");
        }
        return fromRecord(object, null, null);
    }

    private static Translation fromCommit(String did, JsonNode commit) {
        String operation = commit.path("operation").asText("create");
        if (!operation.equals("create")) {
            return new Translation.Refused(RejectReason.NOT_A_POST,
                    "Bluesky commit operation is " + operation + "; only create adds a post");
        }
        String collection = commit.path("collection").asText(POST_TYPE);
        if (!collection.equals(POST_TYPE)) {
            return new Translation.Refused(RejectReason.NOT_A_POST, "Bluesky commit is in " + collection + ", not " + POST_TYPE);
        }
        JsonNode record = commit.path("record");
        if (!record.isObject()) {
            return new Translation.Refused(RejectReason.NOT_A_POST, "Bluesky commit has no record");
        }
        String rkey = Translation.string(commit, "rkey");
        String uri = did == null || rkey == null ? null : "at://" + did + "/" + POST_TYPE + "/" + rkey;
        return fromRecord(record, uri, did);
    }

    private static Translation fromRecord(JsonNode record, String uri, String author) {
        String type = record.path("$type").asText(POST_TYPE);
        if (!type.equals(POST_TYPE)) {
            return new Translation.Refused(RejectReason.NOT_A_POST, "Bluesky record is " + type + ", not " + POST_TYPE);
        }
        String text = Translation.string(record, "text");
        if (Translation.blank(text)) {
            return new Translation.Refused(RejectReason.MISSING_TEXT, "Bluesky post has no text");
        }
        JsonNode createdAt = Translation.present(record, "createdAt");
        if (createdAt == null) {
            return new Translation.Refused(RejectReason.MISSING_CREATED_AT, "Bluesky post has no createdAt");
        }
        String lang = record.path("langs").path(0).asText(null);
        return Translation.Normalized.of(uri, createdAt, text, author, lang, SOURCE);
    }
}
