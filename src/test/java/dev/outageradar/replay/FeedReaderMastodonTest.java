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

class FeedReaderMastodonTest {

    private static final String FEED = "mastodon.jsonl";
    private static final String MIRA_TEXT =
            "Is anyone else getting errors from @spotify? App won't load & the web player is blank.\n\n#SpotifyDown";

    @Test
    void htmlContentBecomesTheTextPeopleRead() {
        List<FeedEntry> entries = read(FEED, FeedFormat.AUTO);

        assertThat(posts(entries)).startsWith(
                new Post("113225612049351234", Instant.parse("2024-09-30T14:03:05Z"), MIRA_TEXT,
                        "mira", "en", "mastodon", null),
                new Post("113225619981772345", Instant.parse("2024-09-30T14:05:06Z"),
                        "Spotify down here too\nStatus page says all fine: https://status.example.com/incidents/abc123",
                        "kofi@fosstodon.org", "en", "mastodon", null));
    }

    @Test
    void reblogCountsForTheRebloggerAtItsOwnTimeWithTheRebloggedContent() {
        List<FeedEntry> entries = read(FEED, FeedFormat.AUTO);

        assertThat(posts(entries)).element(2).isEqualTo(
                new Post("113225630112233456", Instant.parse("2024-09-30T14:07:41Z"), MIRA_TEXT,
                        "night_owl", "en", "mastodon", null));
        assertThat(acceptedLines(entries)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void statusWithOnlyAnImageIsRejected() {
        List<FeedEntry> entries = read(FEED, FeedFormat.MASTODON);

        assertThat(rejections(entries)).containsExactly(
                new FeedEntry.Rejected(4, "Mastodon status has no text", Feeds.line(FEED, 4)));
    }
}
