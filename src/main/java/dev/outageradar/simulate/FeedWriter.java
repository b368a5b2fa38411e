package dev.outageradar.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes feed lines as JSON lines, gzip-compressed when the file name ends in {@code .gz}. */
public final class FeedWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Writer out;
    private long lines;

    private FeedWriter(Writer out) {
        this.out = out;
    }

    public static FeedWriter open(Path path) throws IOException {
        OutputStream file = Files.newOutputStream(path);
        OutputStream bytes = path.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file, BUFFER) : file;
        return new FeedWriter(new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), BUFFER));
    }

    /** Unchecked so it can be a {@code Consumer<FeedLine>}; the command turns it into a message. */
    public void write(FeedLine line) {
        try {
            out.write(line.json());
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long linesWritten() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
