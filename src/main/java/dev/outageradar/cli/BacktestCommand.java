package dev.outageradar.cli;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigException;
import dev.outageradar.replay.Backtest;
import dev.outageradar.replay.BacktestReport;
import dev.outageradar.replay.FeedFormat;
import dev.outageradar.replay.RejectFile;
import dev.outageradar.replay.plot.PlotData;
import dev.outageradar.replay.plot.PlotFormat;
import dev.outageradar.replay.plot.PlotSelection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the same topology as 'run' offline over a feed file, without a broker, at full speed, "
                + "and reports what it would have caught: the alert events, and per service the incidents, "
                + "complaints and busiest window.",
            "The detector settings are the configuration's (--config, --set detector.min.ratio=3, ...)."})
final class BacktestCommand implements Callable<Integer> {

    @Mixin
    private FeedFileOptions feed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the alert events here as JSON lines, exactly as on the alerts topic.")
    private Path out;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw complaints per window, the expected level, the threshold and the incidents to FILE "
                    + "(.png, or .html: one self-contained page).")
    private Path plotFile;

    @Option(names = "--plot-service", paramLabel = "ID",
            description = "Service to draw (repeatable; default: the top services by incidents, then complaints).")
    private List<String> plotServices = new ArrayList<>();

    @Option(names = "--plot-top", paramLabel = "N", defaultValue = "" + PlotSelection.DEFAULT_TOP,
            description = "How many top services to draw when none is named (default: ${DEFAULT-VALUE}).")
    private int plotTop;

    @Mixin
    private ConfigOptions config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        FeedFormat feedFormat = feed.format();
        Path file = feed.file();
        // A bad plot request fails before the run, not after minutes of it.
        PlotFormat plotFormat = plotFile == null ? null : PlotFormat.of(plotFile);
        PlotSelection selection = plotServices.isEmpty() ? PlotSelection.top(plotTop) : PlotSelection.of(plotServices);
        AppConfig app = config.load();
        ServiceCatalog catalog = ServiceCatalog.load(app.catalog());
        for (String service : plotServices) {
            if (catalog.services().stream().noneMatch(s -> s.id().equals(service))) {
                throw new ConfigException("--plot-service " + service + ": not a service of the catalog "
                        + app.catalog());
            }
        }
        PlotData plot = plotFile == null ? null : new PlotData();
        Path rejectsPath = feed.rejects();
        BacktestReport report = new BacktestReport();
        long started = System.nanoTime();
        Backtest.Summary summary;
        try (AlertLines alerts = new AlertLines(out);
             RejectFile rejects = new RejectFile(rejectsPath)) {
            summary = Backtest.run(file, feedFormat, app.topologyWith(catalog), ComplaintMatcher.compile(catalog),
                    alert -> {
                        report.alert(alert);
                        alerts.accept(alert);
                        if (plot != null) {
                            plot.addAlert(alert);
                        }
                    }, count -> {
                        report.count(count);
                        if (plot != null) {
                            plot.addCount(count);
                        }
                    }, rejects);
        }
        if (plot != null) {
            plotFormat.write(plot.plot(selection), plotFile);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter text = spec.commandLine().getOut();
        text.printf("backtest of %s: %,d records in %.1f s (%,.0f a second)%n", file, summary.lines(), seconds,
                summary.lines() / Math.max(seconds, 1e-9));
        text.printf("  windows   %s%n", summary.from() == null ? "none judged"
                : summary.from() + " to " + summary.to() + " (" + ReplayProgress.human(summary.span()) + ")");
        text.printf("  rejected  %,d%s%n", summary.rejected(),
                summary.rejected() > 0 ? " (with line numbers and reasons in " + rejectsPath + ")" : "");
        text.printf("  alerts    %,d%s%n", summary.alerts(), out == null ? "" : " (in " + out + ")");
        if (plotFile != null) {
            text.printf("  plot      %s%n", plotFile);
        }
        text.println();
        text.print(report.toText());
        text.flush();
        return 0;
    }

    /** The alert events as JSON lines, or nowhere. */
    private static final class AlertLines implements Consumer<AlertEvent>, AutoCloseable {

        private final BufferedWriter writer;

        AlertLines(Path path) {
            try {
                this.writer = path == null ? null : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException("cannot write " + path + ": " + e.getMessage());
            }
        }

        @Override
        public void accept(AlertEvent alert) {
            if (writer == null) {
                return;
            }
            try {
                writer.write(JsonFormat.mapper().writeValueAsString(alert));
                writer.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
