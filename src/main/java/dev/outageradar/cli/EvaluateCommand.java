package dev.outageradar.cli;

import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigException;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.ServiceDetectors;
import dev.outageradar.evaluate.Detection;
import dev.outageradar.evaluate.Evaluation;
import dev.outageradar.evaluate.EvaluationReport;
import dev.outageradar.replay.Backtest;
import dev.outageradar.replay.CountsBacktest;
import dev.outageradar.replay.FeedFormat;
import dev.outageradar.replay.WindowCounts;
import dev.outageradar.simulate.Episode;
import dev.outageradar.simulate.LabelCsv;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the detector offline over a labelled feed (no broker) and scores its incidents "
                + "against the labels: event-level precision, recall and F1, detection delay, false alerts "
                + "per service-week and alerts on decoys, broken down by scenario and magnitude.",
                "The detector settings are the configuration's (--config, --set detector.min.ratio=3, ...), so "
                        + "the effect of a change can be measured before it is deployed.",
                "To try many settings, write the feed's complaint counts once (--feed F --write-counts C), then "
                        + "evaluate the counts (--counts C): the same figures in seconds, as long as only detector.* "
                        + "settings change."})
final class EvaluateCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    static final class Input {
        @Option(names = "--feed", required = true, paramLabel = "FILE",
                description = "Feed (JSON lines, plain or .gz), run through the whole topology.")
        Path feed;

        @Option(names = "--counts", required = true, paramLabel = "FILE",
                description = "Complaints per service and window, as written by --write-counts: replayed through "
                        + "the detector alone.")
        Path counts;
    }

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "Labels CSV, as written by 'simulate --labels'.")
    private Path labels;

    @Option(names = "--write-counts", paramLabel = "FILE",
            description = "With --feed: also write the complaints per service and window to FILE (tab-separated).")
    private Path writeCounts;

    @Option(names = "--tolerance", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "A detection up to this long after a labelled outage's end still hits it "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration tolerance;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Mixin
    private ConfigOptions config;

    @Spec
    private CommandSpec spec;

    /** What a run of the detector gave: one detection per incident, the services seen, the span judged. */
    private record Run(List<Detection> detections, Set<String> services, Instant from, Instant to) {
    }

    @Override
    public Integer call() {
        if (writeCounts != null && input.feed == null) {
            throw new ParameterException(spec.commandLine(), "--write-counts needs --feed");
        }
        AppConfig app = config.load();
        List<Episode> episodes = readLabels();
        ServiceCatalog catalog = ServiceCatalog.load(app.catalog());
        TopologySettings settings = app.topologyWith(catalog);
        Run run = input.feed != null ? fromFeed(settings, ComplaintMatcher.compile(catalog)) : fromCounts(settings);
        if (run.from() == null) {
            throw new ConfigException((input.feed != null ? input.feed : input.counts)
                    + ": no window was judged; is it a feed of posts?");
        }
        EvaluationReport report = Evaluation.score(episodes, run.detections(),
                Evaluation.serviceCount(episodes, run.services()), Duration.between(run.from(), run.to()), tolerance);
        spec.commandLine().getOut().println(json ? report.toJson() : report.toText());
        return 0;
    }

    private Run fromFeed(TopologySettings settings, ComplaintMatcher matcher) {
        List<Detection> detections = new ArrayList<>();
        Set<String> services = new TreeSet<>();
        try (WindowCounts.Writer counts = writeCounts == null ? null : new WindowCounts.Writer(writeCounts)) {
            Backtest.Summary summary = Backtest.run(input.feed, FeedFormat.AUTO, settings, matcher,
                    alert -> {
                        if (alert.type() == IncidentEventType.OUTAGE_SUSPECTED) {
                            detections.add(new Detection(alert.service(), alert.incidentId(), alert.openedAt(),
                                    alert.detectedAt()));
                        }
                    },
                    count -> {
                        services.add(count.service());
                        if (counts != null) {
                            counts.add(count.service(), count.windowStart(), count.count());
                        }
                    },
                    rejected -> { });
            return new Run(detections, services, summary.from(), summary.to());
        } catch (IOException e) {
            throw new ConfigException("cannot write counts: " + e.getMessage());
        }
    }

    private Run fromCounts(TopologySettings settings) {
        WindowCounts counts;
        try {
            counts = WindowCounts.read(input.counts);
        } catch (IOException e) {
            throw new ConfigException(Files.isRegularFile(input.counts) ? e.getMessage()
                    : "counts file not found: " + input.counts);
        }
        List<Detection> detections = new ArrayList<>();
        ServiceDetectors detectors = new ServiceDetectors(settings.detector(), settings.serviceDetectors());
        CountsBacktest.Span span;
        try {
            span = CountsBacktest.run(counts, detectors, settings.windowSize(), event -> {
                if (event.type() == IncidentEventType.OUTAGE_SUSPECTED) {
                    detections.add(new Detection(event.service(), event.incidentId(), event.openedAt(),
                            event.detectedAt()));
                }
            });
        } catch (IllegalArgumentException e) {
            throw new ConfigException(input.counts + ": " + e.getMessage());
        }
        return new Run(detections, counts.series().keySet(), span.from(), span.to());
    }

    private List<Episode> readLabels() {
        if (!Files.isRegularFile(labels)) {
            throw new ConfigException("labels file not found: " + labels);
        }
        try {
            return LabelCsv.read(labels);
        } catch (IOException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
