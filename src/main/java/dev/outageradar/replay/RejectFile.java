package dev.outageradar.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the records a feed reader rejected go, so a replay can report a count and the user can still see
 * every line and why: one JSON object per line, {@code {"line": n, "reason": "...", "original": "..."}}.
 * Written through a buffer; everything is on disk once it is closed.
 */
public final class RejectFile implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator json;
    private long written;

    private RejectFile(BufferedWriter out) throws IOException {
        this.json = JSON.createGenerator(out);
    }

    /** Creates the file, or empties an existing one. */
    public static RejectFile create(Path path) {
        try {
            return new RejectFile(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejections to " + path, e);
        }
    }

    public void write(FeedEntry.Rejected rejected) {
        try {
            json.writeStartObject();
            json.writeNumberField("line", rejected.line());
            json.writeStringField("reason", rejected.reason());
            json.writeStringField("original", rejected.original());
            json.writeEndObject();
            json.writeRaw('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many rejections were written. */
    public long count() {
        return written;
    }

    /** Flushes and closes the file: the generator owns the writer. */
    @Override
    public void close() throws IOException {
        json.close();
    }
}
