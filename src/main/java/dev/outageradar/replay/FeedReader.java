package dev.outageradar.replay;

import dev.outageradar.post.ParseResult;
import dev.outageradar.post.PostParser;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a feed file record by record in constant memory, turning each into a post in the normalized form
 * or a rejection with its line number. Never throws for a bad record.
 */
public final class FeedReader implements Closeable {

    private final BufferedReader lines;
    private final AtomicLong bytesRead;
    private final long size;
    private final PostParser parser;
    private long lineNumber;

    private FeedReader(BufferedReader lines, AtomicLong bytesRead, long size, PostParser parser) {
        this.lines = lines;
        this.bytesRead = bytesRead;
        this.size = size;
        this.parser = parser;
    }

    public static FeedReader open(Path file, FeedFormat format, int maxTextLength) {
        AtomicLong bytesRead = new AtomicLong();
        return new FeedReader(FeedFiles.open(file, bytesRead), bytesRead, sizeOf(file), new PostParser(maxTextLength));
    }

    /** Share of the file read so far, 0 to 1 (by bytes of the file as stored, compressed or not). */
    public double fractionRead() {
        return size <= 0 ? 0 : Math.min(1, bytesRead.get() / (double) size);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    public FeedEntry next() {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                ParseResult result = parser.parse(bytes);
                if (result instanceof ParseResult.Parsed parsed) {
                    return new FeedEntry.Accepted(lineNumber, parsed.post(), bytes);
                }
                return new FeedEntry.Rejected(lineNumber, ((ParseResult.Rejected) result).detail(), line);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
