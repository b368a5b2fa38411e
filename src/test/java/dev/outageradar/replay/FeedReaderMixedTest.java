package dev.outageradar.replay;

import static dev.outageradar.replay.Feeds.acceptedLines;
import static dev.outageradar.replay.Feeds.posts;
import static dev.outageradar.replay.Feeds.read;
import static dev.outageradar.replay.Feeds.rejectionReasons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.outageradar.post.ParseResult;
import dev.outageradar.post.Post;
import dev.outageradar.post.PostParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mixed.jsonl: every JSON shape in one file, with bad lines at known places and a blank line 3. */
class FeedReaderMixedTest {

    private static final String FEED = "mixed.jsonl";
    private static final int LIMIT = 100;

    private static List<FeedEntry> readMixed(FeedFormat format) {
        return read(Feeds.fixture(FEED), format, LIMIT);
    }

    @Test
    void eachLineIsReadInItsOwnShape() {
        List<FeedEntry> entries = readMixed(FeedFormat.AUTO);

        assertThat(acceptedLines(entries)).containsExactly(1L, 2L, 4L, 6L, 11L);
        assertThat(posts(entries)).extracting(Post::source, Post::author, Post::createdAt).containsExactly(
                tuple("simulator", "u123", Instant.parse("2024-09-30T14:01:30Z")),
                tuple("twitter", "2244994945", Instant.parse("2024-09-30T14:02:11Z")),
                tuple("mastodon", "mira", Instant.parse("2024-09-30T14:03:05Z")),
                tuple("bluesky", "did:plc:4xq7eqhz6mbwa3jzt2t5rmaq",
                        Instant.parse("2024-09-30T14:04:12.100Z")),
                tuple("mastodon", "night_owl", Instant.parse("2024-09-30T14:07:41Z")));
    }

    @Test
    void badLinesAreRejectedWithTheirLineAndReasonAndTheRunGoesOn() {
        List<FeedEntry> entries = readMixed(FeedFormat.AUTO);

        assertThat(rejectionReasons(entries)).containsExactly(
                "5: not valid JSON: Unexpected end-of-input in VALUE_STRING",
                "7: expected a JSON object, found an array",
                "8: X tweet has no created_at",
                "9: Bluesky post: created_at is not ISO-8601 with an offset or Z: 30/09/2024 14:20",
                "10: text has 160 characters, the limit is 100",
                "12: required field text is missing or empty");
        assertThat(Feeds.rejections(entries)).extracting(FeedEntry.Rejected::original)
                .containsExactly(Feeds.line(FEED, 5), Feeds.line(FEED, 7), Feeds.line(FEED, 8), Feeds.line(FEED, 9),
                        Feeds.line(FEED, 10), Feeds.line(FEED, 12));
    }

    @Test
    void forcedFormatRejectsEveryOtherShape() {
        List<FeedEntry> entries = readMixed(FeedFormat.X);

        assertThat(acceptedLines(entries)).containsExactly(2L);
        assertThat(rejectionReasons(entries)).containsExactly(
                "1: expected an X tweet, found none of data, author_id, edit_history_tweet_ids",
                "4: expected an X tweet, found a Mastodon status",
                "5: not valid JSON: Unexpected end-of-input in VALUE_STRING",
                "6: expected an X tweet, found a Bluesky post",
                "7: expected a JSON object, found an array",
                "8: X tweet has no created_at",
                "9: expected an X tweet, found a Bluesky post",
                "10: expected an X tweet, found none of data, author_id, edit_history_tweet_ids",
                "11: expected an X tweet, found a Mastodon status",
                "12: expected an X tweet, found none of data, author_id, edit_history_tweet_ids");
    }

    @Test
    void forcedNormalizedFormatAppliesOnlyThePipelinesOwnRules() {
        List<FeedEntry> entries = readMixed(FeedFormat.NORMALIZED);

        // A v2 tweet has id, created_at and text, so it is a valid normalized post, only without an author.
        assertThat(acceptedLines(entries)).containsExactly(1L, 2L);
        assertThat(posts(entries).get(1).author()).isNull();
        assertThat(rejectionReasons(entries)).containsExactly(
                "4: required field text is missing or empty",
                "5: not valid JSON: Unexpected end-of-input in VALUE_STRING",
                "6: required field text is missing or empty",
                "7: expected a JSON object, found an array",
                "8: required field text is missing or empty",
                "9: required field created_at is missing",
                "10: text has 160 characters, the limit is 100",
                "11: required field text is missing or empty",
                "12: required field text is missing or empty");
    }

    @Test
    void acceptedPostsAreWrittenInOneCanonicalFormThatParsesBack() {
        List<FeedEntry> entries = readMixed(FeedFormat.AUTO);

        FeedEntry.Accepted first = (FeedEntry.Accepted) entries.get(0);
        assertThat(new String(first.json(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"sim-0001\","
                + "\"created_at\":\"2024-09-30T14:01:30Z\",\"text\":\"spotify down again?\",\"author\":\"u123\","
                + "\"lang\":\"en\",\"source\":\"simulator\",\"country\":\"DE\"}");
        PostParser parser = new PostParser(LIMIT);
        for (FeedEntry entry : entries) {
            if (entry instanceof FeedEntry.Accepted accepted) {
                assertThat(parser.parse(accepted.json())).isEqualTo(new ParseResult.Parsed(accepted.post()));
            }
        }
    }

    @Test
    void samePostInAnotherFileIsTheSameBytes() {
        FeedEntry.Accepted inMixed = (FeedEntry.Accepted) readMixed(FeedFormat.AUTO).get(1);
        FeedEntry.Accepted inXFeed = (FeedEntry.Accepted) read("x-v2.jsonl", FeedFormat.AUTO).get(0);

        assertThat(inMixed.json()).isEqualTo(inXFeed.json());
    }

    @Test
    void gzippedFeedReadsLikeThePlainOne(@TempDir Path dir) {
        Path gz = Feeds.gzipped(FEED, dir, "mixed.jsonl.gz");

        List<FeedEntry> plain = readMixed(FeedFormat.AUTO);
        List<FeedEntry> zipped = read(gz, FeedFormat.AUTO, LIMIT);

        assertThat(posts(zipped)).isEqualTo(posts(plain));
        assertThat(rejectionReasons(zipped)).isEqualTo(rejectionReasons(plain));
    }
}
