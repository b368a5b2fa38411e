package dev.outageradar.cli;

import dev.outageradar.config.ConfigException;
import dev.outageradar.replay.FeedReader;
import dev.outageradar.replay.Replay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a replay shows its progress: a bar with rate and ETA on a terminal, a plain line every
 * {@link #LINE_EVERY} when the output is a log or a pipe (a bar's carriage returns would garble it), or nothing.
 * Progress is measured in bytes of the file read, the only measure known from the start.
 */
abstract class ReplayProgress implements AutoCloseable {

    private static final Duration LINE_EVERY = Duration.ofSeconds(10);
    private static final int PERMILLE = 1000;

    abstract void update(Replay.Summary soFar);

    void finish(Replay.Summary summary) {
    }

    @Override
    public void close() {
    }

    static ReplayProgress create(String mode, Path file, FeedReader reader, PrintWriter err) {
        return switch (mode) {
            case "auto" -> System.console() != null ? new Bar(file, reader) : new Lines(reader, err);
            case "bar" -> new Bar(file, reader);
            case "lines" -> new Lines(reader, err);
            case "none" -> new ReplayProgress() {
                @Override
                void update(Replay.Summary soFar) {
                }
            };
            default -> throw new ConfigException("--progress must be auto, bar, lines or none, not '" + mode + "'");
        };
    }

    /** "2024-09-01T00:00:00Z to 2024-09-30T23:59:59Z (29d 23h 59m)", or "no posts". */
    static String span(Replay.Summary summary) {
        if (summary.firstEventTime() == null) {
            return "no posts";
        }
        Duration span = Duration.between(summary.firstEventTime(), summary.lastEventTime());
        return summary.firstEventTime() + " to " + summary.lastEventTime() + " (" + human(span) + ")";
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return d.toSeconds() < 60 ? d.toSeconds() + "s" : minutes + "m " + d.toSecondsPart() + "s";
        }
        return minutes >= 24 * 60 ? d.toDays() + "d " + d.toHoursPart() + "h " + d.toMinutesPart() + "m"
                : d.toHours() + "h " + d.toMinutesPart() + "m";
    }

    private static final class Bar extends ReplayProgress {

        private static final long REDRAW_NANOS = 250_000_000L;
        private final ProgressBar bar;
        private final FeedReader reader;
        private long nextNanos;

        Bar(Path file, FeedReader reader) {
            this.reader = reader;
            this.bar = new ProgressBarBuilder()
                    .setTaskName("replay " + file.getFileName())
                    .setInitialMax(PERMILLE)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .hideEta()
                    .build();
        }

        @Override
        void update(Replay.Summary soFar) {
            long now = System.nanoTime();
            if (now < nextNanos) {
                return;
            }
            nextNanos = now + REDRAW_NANOS;
            double fraction = reader.fractionRead();
            bar.stepTo(Math.round(fraction * PERMILLE));
            bar.setExtraMessage(String.format(" %,d sent, %,.0f posts/s, ETA %s, at %s", soFar.sent(),
                    soFar.postsPerSecond(), eta(soFar.elapsed(), fraction), soFar.lastEventTime()));
        }

        @Override
        void finish(Replay.Summary summary) {
            bar.stepTo(PERMILLE);
            bar.setExtraMessage(String.format(" %,d sent, %,.0f posts/s", summary.sent(), summary.postsPerSecond()));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines extends ReplayProgress {

        private final FeedReader reader;
        private final PrintWriter err;
        private long nextNanos = System.nanoTime() + LINE_EVERY.toNanos();

        Lines(FeedReader reader, PrintWriter err) {
            this.reader = reader;
            this.err = err;
        }

        @Override
        void update(Replay.Summary soFar) {
            long now = System.nanoTime();
            if (now < nextNanos) {
                return;
            }
            nextNanos = now + LINE_EVERY.toNanos();
            double fraction = reader.fractionRead();
            err.printf("replay: %3.0f%%, %,d sent, %,d rejected, %,.0f posts/s, at %s, ETA %s%n", fraction * 100,
                    soFar.sent(), soFar.rejected(), soFar.postsPerSecond(), soFar.lastEventTime(),
                    eta(soFar.elapsed(), fraction));
            err.flush();
        }
    }

    /** Time left if the rest of the file reads at the pace so far. */
    static String eta(Duration elapsed, double fraction) {
        if (fraction <= 0.001) {
            return "?";
        }
        return human(Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction)));
    }
}
