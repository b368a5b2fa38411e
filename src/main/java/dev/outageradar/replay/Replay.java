package dev.outageradar.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Plays a feed in file order: each post within the time range, from the start line on, is handed to the
 * sink when the pace says it is due; each bad record to the rejects. Knows nothing of Kafka, so the same
 * loop is tested without a broker and timed by the same clock.
 *
 * @param from      first event time played (inclusive), or null
 * @param to        event time where the replay stops (exclusive), or null
 * @param startLine first line read, to resume an interrupted replay (1 = the whole file)
 */
public record Replay(Pace pace, Instant from, Instant to, long startLine) {

    /** Called after every record, for progress reports. */
    public interface Listener {
        void after(Summary soFar);
    }

    /**
     * What a replay did.
     *
     * @param lastLine       last line read: resume with {@code --start-line lastLine + 1}
     * @param firstEventTime earliest post time sent, null when none was
     * @param lastEventTime  latest post time sent
     */
    public record Summary(long sent, long rejected, long skipped, long lastLine, Instant firstEventTime,
                          Instant lastEventTime, Duration elapsed) {

        public double postsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds > 0 ? sent / seconds : 0;
        }

        Summary plus(FeedEntry entry, boolean wasSent, boolean wasSkipped, Duration elapsed) {
            Instant first = firstEventTime;
            Instant last = lastEventTime;
            if (wasSent) {
                Instant t = ((FeedEntry.Accepted) entry).post().createdAt();
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
            boolean wasRejected = !wasSkipped && entry instanceof FeedEntry.Rejected;
            return new Summary(sent + (wasSent ? 1 : 0), rejected + (wasRejected ? 1 : 0),
                    skipped + (wasSkipped ? 1 : 0), entry.line(), first, last, elapsed);
        }
    }

    public Summary play(FeedReader reader, Consumer<FeedEntry.Accepted> sink, Consumer<FeedEntry.Rejected> rejects,
                        Listener listener) {
        long start = System.nanoTime();
        Summary summary = new Summary(0, 0, 0, 0, null, null, Duration.ZERO);
        FeedEntry entry;
        while ((entry = reader.next()) != null) {
            boolean sent = false;
            boolean skipped = false;
            if (entry.line() < startLine) {
                skipped = true;
            } else if (entry instanceof FeedEntry.Rejected rejected) {
                rejects.accept(rejected);
            } else {
                FeedEntry.Accepted post = (FeedEntry.Accepted) entry;
                Instant t = post.post().createdAt();
                if (from != null && t.isBefore(from) || to != null && !t.isBefore(to)) {
                    skipped = true;
                } else {
                    sleep(pace.waitBefore(t.toEpochMilli(), System.nanoTime()));
                    sink.accept(post);
                    sent = true;
                }
            }
            summary = summary.plus(entry, sent, skipped, Duration.ofNanos(System.nanoTime() - start));
            listener.after(summary);
        }
        return summary;
    }

    private static void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
    }
}
