package dev.outageradar.post;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The project's normalized post line, fields in a fixed order and {@code created_at} in UTC, so the same post
 * is always the same bytes: {@code {"id","created_at","text","author","lang","source","country"}}. Absent
 * optional fields are written as null, which {@link PostParser} reads back as absent.
 */
public final class PostJson {

    private static final JsonFactory JSON = new JsonFactory();

    private PostJson() {
    }

    /** The canonical line: {@code created_at} as {@link java.time.Instant#toString()}. */
    public static String line(Post post) {
        return line(post, post.createdAt().toString());
    }

    /** {@code createdAt} is written as given; null leaves the field out (for a line broken on purpose). */
    public static String line(Post post, String createdAt) {
        StringWriter out = new StringWriter(192);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", post.id());
            if (createdAt != null) {
                json.writeStringField("created_at", createdAt);
            }
            json.writeStringField("text", post.text());
            json.writeStringField("author", post.author());
            json.writeStringField("lang", post.lang());
            json.writeStringField("source", post.source());
            json.writeStringField("country", post.country());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
