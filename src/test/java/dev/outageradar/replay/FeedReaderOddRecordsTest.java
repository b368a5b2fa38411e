package dev.outageradar.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Archived records that are of a known format but give no usable post, each with its one-line reason. */
class FeedReaderOddRecordsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "X search page       | {\"data\": [{\"id\": \"1\", \"text\": \"a\"}, {\"id\": \"2\", \"text\": \"b\"}], \"meta\": {}}"
                + " | X response holds 2 tweets in data; expected one tweet per line (flatten the archive first)",
        "X tweet, no text    | {\"id\": \"1\", \"author_id\": \"9\", \"created_at\": \"2024-09-30T14:02:11.000Z\"}"
                + " | X tweet has no text",
        "Mastodon, no time   | {\"id\": \"1\", \"account\": {\"acct\": \"mira\"}, \"content\": \"<p>spotify down</p>\"}"
                + " | Mastodon status has no created_at",
        "Bluesky, no time    | {\"$type\": \"app.bsky.feed.post\", \"text\": \"spotify down\"}"
                + " | Bluesky post has no createdAt",
        "Bluesky like record | {\"$type\": \"app.bsky.feed.like\", \"createdAt\": \"2024-09-30T14:05:10Z\"}"
                + " | Bluesky record is app.bsky.feed.like, not app.bsky.feed.post",
        "Bluesky identity    | {\"did\": \"did:plc:4xq7\", \"kind\": \"identity\", \"identity\": {\"handle\": \"mira.bsky.social\"}}"
                + " | Bluesky event of kind identity holds no post",
        "Bluesky, no record  | {\"did\": \"did:plc:4xq7\", \"commit\": {\"operation\": \"create\", \"rkey\": \"3l5\"}}"
                + " | Bluesky commit has no record"})
    void unusableArchivedRecordIsRejectedWithItsReason(String what, String line, String reason) throws IOException {
        Path feed = Files.writeString(dir.resolve("odd.jsonl"), line + "\n");

        List<FeedEntry> entries = Feeds.read(feed, FeedFormat.AUTO, Feeds.NO_LIMIT);

        assertThat(entries).containsExactly(new FeedEntry.Rejected(1, reason, line));
    }
}
