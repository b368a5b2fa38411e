package dev.outageradar.replay;

import dev.outageradar.post.Post;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Reading the feed fixtures under {@code src/test/resources/feeds} whole, for tests. */
final class Feeds {

    static final int NO_LIMIT = 4_000;

    private Feeds() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(Feeds.class.getResource("/feeds/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<FeedEntry> read(Path file, FeedFormat format, int maxTextLength) {
        List<FeedEntry> entries = new ArrayList<>();
        try (FeedReader reader = FeedReader.open(file, format, maxTextLength)) {
            for (FeedEntry entry = reader.next(); entry != null; entry = reader.next()) {
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static List<FeedEntry> read(String fixture, FeedFormat format) {
        return read(fixture(fixture), format, NO_LIMIT);
    }

    static List<Post> posts(List<FeedEntry> entries) {
        return entries.stream().filter(FeedEntry.Accepted.class::isInstance)
                .map(entry -> ((FeedEntry.Accepted) entry).post()).toList();
    }

    static List<Long> acceptedLines(List<FeedEntry> entries) {
        return entries.stream().filter(FeedEntry.Accepted.class::isInstance).map(FeedEntry::line).toList();
    }

    static List<FeedEntry.Rejected> rejections(List<FeedEntry> entries) {
        return entries.stream().filter(FeedEntry.Rejected.class::isInstance)
                .map(FeedEntry.Rejected.class::cast).toList();
    }

    /** The rejections as "line: reason", which reads well in a failed assertion. */
    static List<String> rejectionReasons(List<FeedEntry> entries) {
        return rejections(entries).stream().map(rejected -> rejected.line() + ": " + rejected.reason()).toList();
    }

    /** The fixture's n-th line (1-based), as a rejection's original must be. */
    static String line(String fixture, int n) {
        try {
            return Files.readAllLines(fixture(fixture)).get(n - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path gzipped(String fixture, Path dir, String name) {
        Path target = dir.resolve(name);
        try (var out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(fixture(fixture), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
