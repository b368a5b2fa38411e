package dev.outageradar.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Rejected feed records as JSON lines, {@code {"line": 7, "reason": "...", "original": "..."}}, in file order.
 * The file is created with the first rejection: a clean feed leaves nothing behind.
 */
public final class RejectFile implements Consumer<FeedEntry.Rejected>, AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;
    private BufferedWriter out;
    private long written;

    public RejectFile(Path path) {
        this.path = path;
    }

    @Override
    public void accept(FeedEntry.Rejected rejected) {
        try {
            if (out == null) {
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            }
            JsonGenerator json = JSON.createGenerator(out);
            json.writeStartObject();
            json.writeNumberField("line", rejected.line());
            json.writeStringField("reason", rejected.reason());
            json.writeStringField("original", rejected.original());
            json.writeEndObject();
            json.flush();
            out.newLine();
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects to " + path, e);
        }
    }

    public long written() {
        return written;
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
