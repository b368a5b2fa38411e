package dev.outageradar.cli;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigException;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.evaluate.Detection;
import dev.outageradar.evaluate.Evaluation;
import dev.outageradar.evaluate.EvaluationReport;
import dev.outageradar.replay.Backtest;
import dev.outageradar.simulate.Episode;
import dev.outageradar.simulate.LabelCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the detector offline over a labelled feed (no broker) and scores its incidents "
                + "against the labels: event-level precision, recall and F1, detection delay, false alerts "
                + "per service-week and alerts on decoys, broken down by scenario and magnitude.",
                "The detector settings are the configuration's (--config, --set detector.min.ratio=3, ...), so "
                        + "the effect of a change can be measured before it is deployed."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--feed", required = true, paramLabel = "FILE", description = "Feed (JSON lines, plain or .gz).")
    private Path feed;

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "Labels CSV, as written by 'simulate --labels'.")
    private Path labels;

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

    @Override
    public Integer call() {
        AppConfig app = config.load();
        List<Episode> episodes = readLabels();
        ServiceCatalog catalog = ServiceCatalog.load(app.catalog());
        List<Detection> detections = new ArrayList<>();
        Set<String> services = new TreeSet<>();
        Backtest.Summary summary = Backtest.run(feed, app.topologyWith(catalog), ComplaintMatcher.compile(catalog),
                alert -> {
                    services.add(alert.service());
                    if (alert.type() == IncidentEventType.OUTAGE_SUSPECTED) {
                        detections.add(detection(alert));
                    }
                });
        if (summary.from() == null) {
            throw new ConfigException(feed + ": no window was judged; is it a feed of posts?");
        }
        EvaluationReport report = Evaluation.score(episodes, detections, Evaluation.serviceCount(episodes, services),
                summary.span(), tolerance);
        spec.commandLine().getOut().println(json ? report.toJson() : report.toText());
        return 0;
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

    private static Detection detection(AlertEvent alert) {
        return new Detection(alert.service(), alert.incidentId(), alert.openedAt(), alert.detectedAt());
    }
}
