package dev.outageradar.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    private static final Instant START = Instant.parse("2024-09-30T14:00:00Z");

    @TempDir
    Path temp;

    private final List<FeedEntry.Accepted> sent = new ArrayList<>();
    private final List<FeedEntry.Rejected> rejected = new ArrayList<>();

    @Test
    void tenMinutesOfPostsAt600TimesRealTimeTakeAboutOneSecond() throws IOException {
        Path feed = feed(10 * 60, 5);

        Replay.Summary summary = play(feed, new Replay(Pace.times(600), null, null, 1));

        assertThat(summary.sent()).isEqualTo(120);
        // Loose bounds: a check that the pace is kept, not a benchmark.
        assertThat(summary.elapsed()).isBetween(Duration.ofMillis(800), Duration.ofMillis(3000));
    }

    @Test
    void atMaxSpeedNothingWaits() throws IOException {
        Path feed = feed(24 * 3600, 60);

        Replay.Summary summary = play(feed, new Replay(Pace.max(), null, null, 1));

        assertThat(summary.sent()).isEqualTo(1440);
        assertThat(summary.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void fromAndToKeepOnlyPostsInsideTheRangeAndTheSummaryTellsTheSpan() throws IOException {
        Path feed = feed(3600, 60);

        Replay.Summary summary = play(feed, new Replay(Pace.max(), START.plusSeconds(600), START.plusSeconds(1200), 1));

        assertThat(sent).extracting(p -> p.post().createdAt())
                .allSatisfy(t -> assertThat(t).isBetween(START.plusSeconds(600), START.plusSeconds(1140)));
        assertThat(summary.sent()).isEqualTo(10);
        assertThat(summary.skipped()).isEqualTo(50);
        assertThat(summary.firstEventTime()).isEqualTo(START.plusSeconds(600));
        assertThat(summary.lastEventTime()).isEqualTo(START.plusSeconds(1140));
        assertThat(summary.lastLine()).isEqualTo(60);
    }

    @Test
    void aReplayResumesAtTheLineItIsGiven() throws IOException {
        Path feed = feed(3600, 60);

        Replay.Summary summary = play(feed, new Replay(Pace.max(), null, null, 41));

        assertThat(sent).extracting(FeedEntry::line).first().isEqualTo(41L);
        assertThat(summary.sent()).isEqualTo(20);
        assertThat(summary.skipped()).isEqualTo(40);
    }

    @Test
    void badLinesAreHandedOverWithTheirNumbersAndTheReplayGoesOn() throws IOException {
        Path feed = temp.resolve("feed.jsonl");
        Files.write(feed, List.of(post(0), "not json at all", "", post(60), "{\"text\":\"no time\"}", post(120)));

        Replay.Summary summary = play(feed, new Replay(Pace.max(), null, null, 1));

        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(rejected).extracting(FeedEntry::line).containsExactly(2L, 5L);
        assertThat(rejected).extracting(FeedEntry.Rejected::original)
                .containsExactly("not json at all", "{\"text\":\"no time\"}");
        assertThat(sent).extracting(FeedEntry::line).containsExactly(1L, 4L, 6L);
    }

    @Test
    void speedIsMaxOrAPositiveNumber() {
        assertThat(Pace.parse("max").isMax()).isTrue();
        assertThat(Pace.parse("60").toString()).isEqualTo("60.0x");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Pace.parse("0")))
                .hasMessage("speed must be 'max' or a positive number, not '0'");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Pace.parse("fast")))
                .hasMessage("speed must be 'max' or a positive number, not 'fast'");
    }

    private Replay.Summary play(Path feed, Replay replay) throws IOException {
        try (FeedReader reader = FeedReader.open(feed, FeedFormat.AUTO, 4000)) {
            return replay.play(reader, sent::add, rejected::add, soFar -> { });
        }
    }

    /** One post every {@code every} seconds for {@code seconds}. */
    private Path feed(int seconds, int every) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < seconds; s += every) {
            lines.add(post(s));
        }
        Path file = temp.resolve("feed-" + seconds + "-" + every + ".jsonl");
        Files.write(file, lines);
        return file;
    }

    private static String post(int second) {
        return "{\"created_at\":\"" + START.plusSeconds(second) + "\",\"text\":\"is spotify down\",\"author\":\"a"
                + second + "\"}";
    }
}
