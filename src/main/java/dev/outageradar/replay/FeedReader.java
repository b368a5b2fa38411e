package dev.outageradar.replay;

import dev.outageradar.post.ParseResult;
import dev.outageradar.post.PostParser;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Streams a feed file record by record in constant memory, turning each into a post in the normalized form
 * or a rejection with its line number. Never throws for a bad record.
 */
public final class FeedReader implements Closeable {

    private final BufferedReader lines;
    private final PostParser parser;
    private long lineNumber;

    private FeedReader(BufferedReader lines, PostParser parser) {
        this.lines = lines;
        this.parser = parser;
    }

    public static FeedReader open(Path file, FeedFormat format, int maxTextLength) {
        return new FeedReader(FeedFiles.open(file), new PostParser(maxTextLength));
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
