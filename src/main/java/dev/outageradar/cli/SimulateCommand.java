package dev.outageradar.cli;

import dev.outageradar.config.ConfigException;
import dev.outageradar.simulate.DemoScenario;
import dev.outageradar.simulate.FeedSimulator;
import dev.outageradar.simulate.FeedWriter;
import dev.outageradar.simulate.LabelCsv;
import dev.outageradar.simulate.MagnitudeRange;
import dev.outageradar.simulate.SimulationOptions;
import dev.outageradar.simulate.SimulationPlan;
import dev.outageradar.simulate.SimulationPlanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate}: writes a labelled, deterministic feed of posts, or the bundled demo feed with {@code --preset demo}. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes a realistic feed of posts about online services (JSON lines, gzip when FEED ends in .gz), "
                    + "with labelled outages and decoys that must not alert. The same seed and options always "
                    + "write the same lines. An outage is planted only where it adds at least 30 complaints to "
                    + "the normal traffic of its first hour, so every labelled outage is visible in the posts, and after "
                    + "the first day, the detector's learning day.",
            "Regenerate the bundled demo feed with:",
            "  simulate --preset demo --out samples/spotify-outage-2024-09.jsonl.gz "
                    + "--labels samples/spotify-outage-2024-09.labels.csv"})
public final class SimulateCommand implements Callable<Integer> {

    /** Options that shape a generated feed, and so have no meaning with a preset. */
    private static final List<String> CONTENT_OPTIONS =
            List.of("--days", "--services", "--outages", "--start", "--magnitude", "--out-of-order");

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FEED", description = "Feed file to write.")
    private Path out;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Labels CSV to write: service,start,end,kind,scenario,magnitude,related.")
    private Path labels;

    @Option(names = "--days", defaultValue = "30", paramLabel = "N", description = "Days of posts (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--services", defaultValue = "12", paramLabel = "N",
            description = "How many services, taken in order from the built-in list (default: ${DEFAULT-VALUE}).")
    private int services;

    @Option(names = "--outages", defaultValue = "30", paramLabel = "N", description = "Outages to plant (default: ${DEFAULT-VALUE}).")
    private int outages;

    @Option(names = "--magnitude", defaultValue = "2..100", paramLabel = "X|MIN..MAX",
            description = "Outage size as a multiple of normal complaints, fixed or a range (default: ${DEFAULT-VALUE}).")
    private String magnitude;

    @Option(names = "--start", defaultValue = "2024-09-01", paramLabel = "DATE",
            description = "First day, ISO date, UTC (default: ${DEFAULT-VALUE}).")
    private String start;

    @Option(names = "--out-of-order", defaultValue = "0.01", paramLabel = "FRACTION",
            description = "Share of posts that arrive up to 20 s late (default: ${DEFAULT-VALUE}).")
    private double outOfOrder;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "demo: the bundled demo feed (a two-hour Spotify outage); only --seed, --out and --labels apply.")
    private String preset;

    @Override
    public Integer call() {
        SimulationPlan plan = preset == null ? SimulationPlanner.plan(options()) : preset();
        long lines = writeFeed(plan);
        if (labels != null) {
            writeLabels(plan);
        }
        spec.commandLine().getOut().printf("wrote %d lines to %s: %d services, %d outages, %d decoys, %s .. %s%s%n",
                lines, out, plan.services().size(), plan.outages().size(), plan.decoys().size(), plan.start(),
                plan.end(), labels == null ? "" : "; labels in " + labels);
        return 0;
    }

    private SimulationOptions options() {
        return new SimulationOptions(startDate(), days, services, outages, MagnitudeRange.parse(magnitude), seed,
                outOfOrder);
    }

    private SimulationPlan preset() {
        if (!preset.equals("demo")) {
            throw new ConfigException("--preset must be demo, got '" + preset + "'");
        }
        for (String option : CONTENT_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ConfigException(option + " cannot be combined with --preset demo, which fixes the feed's content");
            }
        }
        return DemoScenario.plan(seed);
    }

    private LocalDate startDate() {
        try {
            return LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            throw new ConfigException("--start must be an ISO date like 2024-09-01, got '" + start + "'");
        }
    }

    private long writeFeed(SimulationPlan plan) {
        try (FeedWriter writer = FeedWriter.open(out)) {
            FeedSimulator.run(plan, writer::write);
            return writer.linesWritten();
        } catch (IOException | UncheckedIOException e) {
            throw cannotWrite(out, e);
        }
    }

    private void writeLabels(SimulationPlan plan) {
        try {
            LabelCsv.write(labels, plan.episodes());
        } catch (IOException e) {
            throw cannotWrite(labels, e);
        }
    }

    private static ConfigException cannotWrite(Path path, Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        String reason = cause instanceof NoSuchFileException ? "its directory does not exist" : cause.getMessage();
        return new ConfigException("cannot write " + path + ": " + reason, e);
    }
}
