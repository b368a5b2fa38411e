package dev.outageradar.replay;

import static dev.outageradar.replay.Feeds.acceptedLines;
import static dev.outageradar.replay.Feeds.posts;
import static dev.outageradar.replay.Feeds.read;
import static dev.outageradar.replay.Feeds.rejectionReasons;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.post.Post;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderBlueskyTest {

    private static final String FEED = "bluesky.jsonl";

    @Test
    void bareRecordFirehoseCommitAndPostViewBecomePosts() {
        List<FeedEntry> entries = read(FEED, FeedFormat.AUTO);

        assertThat(posts(entries)).containsExactly(
                new Post(null, Instant.parse("2024-09-30T14:04:10.512Z"),
                        "is spotify down for anyone else? nothing plays", null, "en", "bluesky", null),
                new Post("at://did:plc:4xq7eqhz6mbwa3jzt2t5rmaq/app.bsky.feed.post/3l5ebkq6xzs2s",
                        Instant.parse("2024-09-30T14:04:12.100Z"), "Spotify geht bei mir auch nicht, nur Fehlermeldungen",
                        "did:plc:4xq7eqhz6mbwa3jzt2t5rmaq", "de", "bluesky", null),
                new Post("at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l5ebm2cfk22y",
                        Instant.parse("2024-09-30T14:05:00Z"), "Spotify outage? Playlists won't open on web or desktop.",
                        "mira.bsky.social", "en", "bluesky", null));
        assertThat(acceptedLines(entries)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void likesAndDeletionsAreNotPosts() {
        List<FeedEntry> entries = read(FEED, FeedFormat.BLUESKY);

        assertThat(rejectionReasons(entries)).containsExactly(
                "4: Bluesky commit is in app.bsky.feed.like, not app.bsky.feed.post",
                "5: Bluesky commit operation is delete; only create adds a post");
    }
}
