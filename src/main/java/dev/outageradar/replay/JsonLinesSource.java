package dev.outageradar.replay;

import dev.outageradar.post.ArchivedPostParser;
import dev.outageradar.post.PostShape;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A JSON-lines feed: one post per line in any {@link PostShape}, told per line unless one is expected. */
final class JsonLinesSource implements EntrySource {

    private final BufferedReader lines;
    private final ArchivedPostParser parser;
    private final PostShape expected;
    private long lineNumber;

    /** @param expected the shape every line must have, or null to tell each line's own */
    JsonLinesSource(BufferedReader lines, ArchivedPostParser parser, PostShape expected) {
        this.lines = lines;
        this.parser = parser;
        this.expected = expected;
    }

    /** Blank lines are skipped but counted, so line numbers are those an editor shows. */
    @Override
    public FeedEntry next() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (!line.isBlank()) {
                return FeedEntry.of(lineNumber, parser.parse(line.getBytes(StandardCharsets.UTF_8), expected), line);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
