package dev.outageradar.replay;

import static dev.outageradar.replay.Feeds.acceptedLines;
import static dev.outageradar.replay.Feeds.posts;
import static dev.outageradar.replay.Feeds.read;
import static dev.outageradar.replay.Feeds.rejections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.post.Post;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderXTest {

    private static final String FEED = "x-v2.jsonl";
    private static final String NOTE_TEXT = "Spotify outage thread. 1) The desktop app shows 'Something went wrong' on"
            + " every playlist. 2) The web player loads but nothing plays. 3) Downloads still work offline. 4) Their"
            + " status page still says all systems operational, which is the most frustrating part of all this. 5)"
            + " Support on X answers with a canned reply. Anyone know an ETA?";

    @Test
    void bareAndWrappedTweetsBecomePostsOfTheirAuthorWithTheFullNoteText() {
        List<FeedEntry> entries = read(FEED, FeedFormat.AUTO);

        assertThat(posts(entries)).containsExactly(
                new Post("1840760213441298432", Instant.parse("2024-09-30T14:02:11Z"),
                        "is spotify down?? nothing plays and the app keeps logging me out #SpotifyDown",
                        "2244994945", "en", "twitter", null),
                new Post("1840760377191964672", Instant.parse("2024-09-30T14:02:50Z"),
                        "Spotify no funciona desde hace 10 minutos #SpotifyDown", "1517187384", "es", "twitter", null),
                new Post("1840760642230030336", Instant.parse("2024-09-30T14:03:53Z"), NOTE_TEXT,
                        "98765432", "en", "twitter", null),
                new Post("1840760880453918720", Instant.parse("2024-09-30T14:04:50Z"),
                        "RT @lucia_rr: Spotify no funciona desde hace 10 minutos #SpotifyDown",
                        "55511122", "en", "twitter", null));
        assertThat(acceptedLines(entries)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void legacyTimestampIsRejectedWithTheRuleItBreaks() {
        List<FeedEntry> entries = read(FEED, FeedFormat.AUTO);

        assertThat(rejections(entries)).containsExactly(new FeedEntry.Rejected(5,
                "X tweet: created_at is not ISO-8601 with an offset or Z: Mon Sep 30 14:05:18 +0000 2024",
                Feeds.line(FEED, 5)));
    }

    @Test
    void lengthLimitAppliesToTheFullNoteText() {
        List<FeedEntry> entries = read(Feeds.fixture(FEED), FeedFormat.X, 280);

        assertThat(Feeds.rejectionReasons(entries)).containsExactly(
                "3: X tweet: text has 335 characters, the limit is 280",
                "5: X tweet: created_at is not ISO-8601 with an offset or Z: Mon Sep 30 14:05:18 +0000 2024");
    }

    @Test
    void forcedFormatReadsTheSameAsDetection() {
        assertThat(posts(read(FEED, FeedFormat.X))).isEqualTo(posts(read(FEED, FeedFormat.AUTO)));
    }
}
