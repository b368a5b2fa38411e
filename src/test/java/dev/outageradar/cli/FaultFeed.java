package dev.outageradar.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The feed of the fault tests: two hours from 10:00 in which spotify has a major outage (SUSPECTED at
 * 11:10, UPDATED as it grows, RESOLVED once quiet) and github a shorter one while spotify's is still open.
 *
 * <p>Each service's posts go to a posts partition of their own (spotify 0, github 1, netflix 2; unrelated
 * posts to every partition, every minute, so that each partition's event time moves on). A service's
 * complaints thus reach its detector in the file's order, however the partitions interleave, and windows
 * close only when every partition has passed them: the live application's alerts are exactly those of the
 * offline backtest of the same file, whatever the timing. That is what makes a fault's effect visible:
 * a lost, repeated or changed event.
 */
final class FaultFeed {

    static final Instant START = Instant.parse("2024-09-30T10:00:00Z");
    static final int PARTITIONS = 3;
    static final int MINUTES = 125;
    /** The minute from which the spotify outage shows; an instance is hurt once its SUSPECTED is out. */
    static final int OUTAGE_MINUTE = 70;
    /** From this minute on, the posts end both incidents: spotify's and github's are open before it. */
    static final int RESOLVING_MINUTE = 86;
    /**
     * Every window that starts before this minute is closed by the feed's later posts: once the counts topic
     * holds it for every service, the application has processed everything that can lead to an alert.
     */
    static final int LAST_CLOSED_MINUTE = 118;
    static final List<String> SERVICES = List.of("spotify", "github", "netflix");

    /** One post: its line in the feed file and the posts partition it is produced to. */
    record Post(int minute, Instant at, int partition, String author, String json) {
    }

    private FaultFeed() {
    }

    static List<Post> posts() {
        List<Post> posts = new ArrayList<>();
        for (int minute = 0; minute < MINUTES; minute++) {
            List<Post> thisMinute = new ArrayList<>();
            add(thisMinute, minute, 0, "s", spotify(minute), "is spotify down? #SpotifyDown");
            add(thisMinute, minute, 1, "g", github(minute), "github is down");
            add(thisMinute, minute, 2, "n", 1, "netflix not working for me");
            for (int partition = 0; partition < PARTITIONS; partition++) {
                add(thisMinute, minute, partition, "w" + partition + "-", 1, "lovely weather today");
            }
            thisMinute.sort(Comparator.comparing(Post::at));
            posts.addAll(thisMinute);
        }
        return posts;
    }

    /** 2 a minute; from 11:10 30, then 80, then 250 for twelve minutes; then 2 again. */
    private static int spotify(int minute) {
        int intoOutage = minute - OUTAGE_MINUTE;
        if (intoOutage < 0 || intoOutage >= 16) {
            return 2;
        }
        return intoOutage < 2 ? 30 : intoOutage < 4 ? 80 : 250;
    }

    /** 1 a minute, but 100 for six minutes from 11:16. */
    private static int github(int minute) {
        return minute >= 76 && minute < 82 ? 100 : 1;
    }

    private static void add(List<Post> posts, int minute, int partition, String authorPrefix, int count, String text) {
        for (int i = 0; i < count; i++) {
            // Spread over the minute, and off the exact second so that no two services' posts tie.
            Instant at = START.plus(Duration.ofMinutes(minute)).plusMillis(i * 60_000L / count + partition * 7L + 3);
            String author = authorPrefix + minute + "-" + i;
            String json = "{\"created_at\":\"" + at + "\",\"text\":\"" + text + "\",\"author\":\"" + author + "\"}";
            posts.add(new Post(minute, at, partition, author, json));
        }
    }

    static Path write(Path dir) {
        Path file = dir.resolve("fault-feed.jsonl");
        try {
            Files.write(file, posts().stream().map(Post::json).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Instant minute(int minute) {
        return START.plus(Duration.ofMinutes(minute));
    }
}
