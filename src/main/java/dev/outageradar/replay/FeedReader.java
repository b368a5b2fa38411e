package dev.outageradar.replay;

import dev.outageradar.post.ArchivedPostParser;
import dev.outageradar.post.PostShape;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a feed file record by record in constant memory, turning each into a post in the normalized form
 * or a rejection with its line number. Never throws for a bad record.
 *
 * <p>JSON lines may mix the shapes of {@link FeedFormat}; in {@link FeedFormat#AUTO} each line's fields tell its
 * shape. CSV needs its header, so it is chosen for a whole file: when asked for, or in AUTO for a file named
 * {@code .csv} or {@code .csv.gz}.
 */
public final class FeedReader implements Closeable {

    private final EntrySource source;
    private final AtomicLong bytesRead;
    private final long size;

    private FeedReader(EntrySource source, AtomicLong bytesRead, long size) {
        this.source = source;
        this.bytesRead = bytesRead;
        this.size = size;
    }

    public static FeedReader open(Path file, FeedFormat format, int maxTextLength) {
        AtomicLong bytesRead = new AtomicLong();
        BufferedReader text = FeedFiles.open(file, bytesRead);
        long size = sizeOf(file);
        if (format == FeedFormat.CSV || (format == FeedFormat.AUTO && isCsvName(file))) {
            return new FeedReader(new CsvSource(text, maxTextLength), bytesRead, size);
        }
        return new FeedReader(new JsonLinesSource(text, new ArchivedPostParser(maxTextLength), shape(format)),
                bytesRead, size);
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    public FeedEntry next() {
        try {
            return source.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of the file read so far, 0 to 1 (by bytes of the file as stored, compressed or not). */
    public double fractionRead() {
        return size <= 0 ? 0 : Math.min(1, bytesRead.get() / (double) size);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isCsvName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /** The shape every line must have; null lets each line tell. */
    private static PostShape shape(FeedFormat format) {
        return switch (format) {
            case AUTO -> null;
            case NORMALIZED -> PostShape.NORMALIZED;
            case X -> PostShape.X;
            case MASTODON -> PostShape.MASTODON;
            case BLUESKY -> PostShape.BLUESKY;
            case CSV -> throw new IllegalArgumentException("CSV is not a JSON shape");
        };
    }
}
