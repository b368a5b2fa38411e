package dev.outageradar.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a format reader made of one archived object: the post's fields in the normalized form, still to be
 * judged by {@link PostParser} like any other post, or why the object holds no post at all.
 */
sealed interface Translation {

    /** @param post the fields under their normalized names; {@code created_at} as the archive had it */
    record Normalized(ObjectNode post) implements Translation {

        static Normalized of(String id, JsonNode createdAt, String text, String author, String lang, String source) {
            ObjectNode post = JsonNodeFactory.instance.objectNode();
            post.put("id", id);
            post.set("created_at", createdAt);
            post.put("text", text);
            post.put("author", author);
            post.put("lang", lang);
            post.put("source", source);
            return new Normalized(post);
        }
    }

    record Refused(RejectReason reason, String detail) implements Translation {
    }

    /** A string field's value; null when it is absent, null or not a string. */
    static String string(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** An identifier's text: exporters write ids as strings or numbers. */
    static String scalar(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** The time field itself, or null when absent or JSON null; PostParser judges its form. */
    static JsonNode present(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
