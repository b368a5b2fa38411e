package dev.outageradar.replay;

import static dev.outageradar.replay.Feeds.acceptedLines;
import static dev.outageradar.replay.Feeds.posts;
import static dev.outageradar.replay.Feeds.read;
import static dev.outageradar.replay.Feeds.rejectionReasons;
import static dev.outageradar.replay.Feeds.rejections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.post.Post;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderCsvTest {

    private static final String FEED = "posts.csv";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
        List<FeedEntry> entries = read(FEED, FeedFormat.AUTO);

        assertThat(posts(entries)).containsExactly(
                new Post("1840762000000000001", Instant.parse("2024-09-30T14:09:00Z"), "spotify down, again",
                        "u1", "en", "twitter", "US"),
                new Post("1840762000000000002", Instant.parse("2024-09-30T14:09:30Z"),
                        "She said \"is spotify down?\" and yes it is", "u2", "en", null, null),
                new Post("1840762000000000003", Instant.parse("2024-09-30T14:10:00Z"),
                        "Spotify status:\napp won't start\nweb player blank", "u3", null, "mastodon", null),
                new Post("1840762000000000007", Instant.parse("2024-09-30T14:14:00Z"), "spotify \"down\" for me",
                        "u7", "en", "twitter", "DE"));
    }

    @Test
    void rowsAreNumberedByTheLineTheyStartOn() {
        List<FeedEntry> entries = read(FEED, FeedFormat.AUTO);

        assertThat(acceptedLines(entries)).containsExactly(2L, 3L, 4L, 11L);
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndReason() {
        List<FeedEntry> entries = read(FEED, FeedFormat.AUTO);

        assertThat(rejections(entries)).containsExactly(
                new FeedEntry.Rejected(8, "CSV row has 7 columns, the header has 8", Feeds.line(FEED, 8)),
                new FeedEntry.Rejected(9, "created_at is not ISO-8601 with an offset or Z: 2024-09-30 14:12",
                        Feeds.line(FEED, 9)),
                new FeedEntry.Rejected(10, "required field text is missing or empty", Feeds.line(FEED, 10)));
    }

    @Test
    void gzippedCsvIsRecognizedByItsName() {
        Path gz = Feeds.gzipped(FEED, dir, "posts.csv.gz");

        assertThat(posts(read(gz, FeedFormat.AUTO, Feeds.NO_LIMIT))).isEqualTo(posts(read(FEED, FeedFormat.AUTO)));
    }

    @Test
    void forcedCsvReadsAFileOfAnyName() throws IOException {
        Path export = Files.copy(Feeds.fixture(FEED), dir.resolve("export.txt"));

        assertThat(posts(read(export, FeedFormat.CSV, Feeds.NO_LIMIT))).isEqualTo(posts(read(FEED, FeedFormat.AUTO)));
    }

    @Test
    void headerIsMatchedInAnyCaseOrderAndAfterAByteOrderMarkOrBlankLines() throws IOException {
        Path csv = write("sheet.csv", "\uFEFF Text ,note,CREATED_AT\nspotify down,ignored,2024-09-30T14:09:00Z\n");
        Path afterBlankLines = write("padded.csv", "\n\ntext,created_at\nspotify down,2024-09-30T14:09:00Z\n");

        assertThat(posts(read(csv, FeedFormat.AUTO, Feeds.NO_LIMIT))).containsExactly(
                new Post(null, Instant.parse("2024-09-30T14:09:00Z"), "spotify down", null, null, null, null));
        assertThat(read(afterBlankLines, FeedFormat.AUTO, Feeds.NO_LIMIT)).singleElement()
                .isInstanceOfSatisfying(FeedEntry.Accepted.class, accepted -> assertThat(accepted.line()).isEqualTo(4));
    }

    @Test
    void headerWithoutATextColumnRejectsEveryRow() throws IOException {
        Path csv = write("posts.csv", "id,message,created_at\n1,spotify down,2024-09-30T14:09:00Z\n"
                + "2,still down,2024-09-30T14:10:00Z\n");

        assertThat(rejectionReasons(read(csv, FeedFormat.AUTO, Feeds.NO_LIMIT))).containsExactly(
                "2: CSV header has no text column",
                "3: CSV header has no text column");
    }

    @Test
    void syntaxErrorRejectsItsRowAndReadingGoesOn() throws IOException {
        Path csv = write("posts.csv", "id,created_at,text\n1,2024-09-30T14:09:00Z,\"down\"now\n"
                + "2,2024-09-30T14:10:00Z,still down\n3,2024-09-30T14:11:00Z,\"never closed\n");

        List<FeedEntry> entries = read(csv, FeedFormat.AUTO, Feeds.NO_LIMIT);

        assertThat(acceptedLines(entries)).containsExactly(3L);
        assertThat(rejectionReasons(entries)).containsExactly(
                "2: CSV syntax error: Unexpected character ('n' (code 110)): Expected column separator character"
                        + " (',' (code 44)) or end-of-line",
                "4: CSV syntax error: Missing closing quote for value");
    }
}
