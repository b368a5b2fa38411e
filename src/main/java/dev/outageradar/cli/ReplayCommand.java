package dev.outageradar.cli;

import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigException;
import dev.outageradar.config.StreamsProperties;
import dev.outageradar.replay.FeedFormat;
import dev.outageradar.replay.FeedProducer;
import dev.outageradar.replay.FeedReader;
import dev.outageradar.replay.Pace;
import dev.outageradar.replay.RejectFile;
import dev.outageradar.replay.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Produces the posts of a feed file into the posts topic, in file order, each record "
                + "timestamped with the post's own time: as fast as possible or at N times real time.",
            "The cluster is --bootstrap-servers (or OUTAGE_RADAR_BOOTSTRAP_SERVERS), else the embedded broker of "
                + "an 'outage-radar run' on this machine. Bad records are written to the rejects file with their "
                + "line number and reason; an interrupted replay resumes with --start-line."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    private FeedFileOptions feed;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "max",
            description = "max, or N times real time: 60 plays an hour of posts in a minute (default: ${DEFAULT-VALUE}).")
    private String speed;

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Skip posts before this time (2024-09-30T14:00:00Z, or a date: UTC midnight).")
    private Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Skip posts at or after this time.")
    private Instant to;

    @Option(names = "--start-line", paramLabel = "N", defaultValue = "1",
            description = "Start at this line of the file, to resume a replay (default: ${DEFAULT-VALUE}).")
    private long startLine;

    @Option(names = "--progress", paramLabel = "auto|bar|lines|none", defaultValue = "auto",
            description = "Progress: a bar on a terminal, else a line every 10 s (default: ${DEFAULT-VALUE}).")
    private String progress;

    @Mixin
    private ConfigOptions config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Pace pace = parsePace();
        FeedFormat feedFormat = feed.format();
        if (startLine < 1) {
            throw new ConfigException("--start-line must be 1 or more: " + startLine);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ConfigException("--from must be before --to");
        }
        Path file = feed.file();
        AppConfig app = config.load();
        String bootstrap = ClusterAddress.of(app, "replay");
        String topic = app.topology().topics().posts();
        Path rejectsPath = feed.rejects();
        PrintWriter out = spec.commandLine().getOut();
        Replay replay = new Replay(pace.withMaxFutureSkew(app.topology().maxFutureSkew()), from, to, startLine);
        Replay.Summary summary;
        try (FeedReader reader = FeedReader.open(file, feedFormat, app.topology().maxTextLength());
             FeedProducer producer = new FeedProducer(StreamsProperties.clientsOf(app, bootstrap), topic);
             RejectFile rejects = new RejectFile(rejectsPath);
             ReplayProgress bar = ReplayProgress.create(progress, file, reader, spec.commandLine().getErr())) {
            summary = replay.play(reader, producer::send, rejects, bar::update);
            producer.flush();
            bar.finish(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("replayed %s into '%s' on %s%n", file, topic, bootstrap);
        out.printf("  sent      %,d posts, %s, %,.0f posts/s at speed %s%n", summary.sent(),
                ReplayProgress.span(summary), summary.postsPerSecond(), pace);
        out.printf("  rejected  %,d%s%n", summary.rejected(),
                summary.rejected() > 0 ? " (with line numbers and reasons in " + rejectsPath + ")" : "");
        if (summary.skipped() > 0) {
            out.printf("  skipped   %,d outside --from/--to or before --start-line%n", summary.skipped());
        }
        out.printf("  last line %,d (resume with --start-line %d)%n", summary.lastLine(), summary.lastLine() + 1);
        return 0;
    }

    private Pace parsePace() {
        try {
            return Pace.parse(speed);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--speed: " + e.getMessage());
        }
    }
}
