package dev.outageradar.cli;

import dev.outageradar.bench.HeapWatch;
import dev.outageradar.bench.SyntheticFeed;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.config.AppConfig;
import dev.outageradar.replay.Backtest;
import dev.outageradar.replay.FeedFormat;
import dev.outageradar.replay.FeedReader;
import dev.outageradar.replay.Pace;
import dev.outageradar.replay.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures throughput and memory on a generated feed (written once, kept in --dir): "
                + "reading a feed file as replay does (parse, normalize, reject bad lines), and the offline "
                + "backtest of the whole topology. Run it with the heap limit to check, e.g. "
                + "JAVA_OPTS=-Xmx512m bin/outage-radar bench --posts 10000000."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--posts", paramLabel = "N", defaultValue = "10000000",
            description = "Posts in the generated feed (default: ${DEFAULT-VALUE}).")
    private long posts;

    @Option(names = "--backtest-posts", paramLabel = "N", defaultValue = "1000000",
            description = "Posts of the feed the backtest runs over; 0 skips it (default: ${DEFAULT-VALUE}).")
    private long backtestPosts;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Where the generated feeds are kept between runs (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Mixin
    private ConfigOptions config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AppConfig app = config.load();
        ServiceCatalog catalog = ServiceCatalog.load(app.catalog());
        List<String> names = catalog.services().stream().map(s -> s.names().isEmpty() ? s.id() : s.names().get(0))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("bench on %d cores, heap limit %,d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        out.flush();

        Path feed = feed(posts, names);
        HeapWatch readHeap = HeapWatch.start();
        try (FeedReader reader = FeedReader.open(feed, FeedFormat.AUTO, app.topology().maxTextLength())) {
            Replay.Summary read = new Replay(Pace.max(), null, null, 1)
                    .play(reader, post -> { }, rejected -> { }, soFar -> { });
            report(out, "read feed (replay path)", read.sent() + read.rejected(), read.elapsed().toNanos(),
                    readHeap.figures());
        }
        if (backtestPosts > 0) {
            Path small = feed(backtestPosts, names);
            HeapWatch heap = HeapWatch.start();
            long start = System.nanoTime();
            Backtest.Summary summary = Backtest.run(small, FeedFormat.AUTO, app.topologyWith(catalog),
                    ComplaintMatcher.compile(catalog), alert -> { }, count -> { }, rejected -> { });
            report(out, "backtest (whole topology)", summary.lines(), System.nanoTime() - start, heap.figures());
        }
        return 0;
    }

    private Path feed(long count, List<String> names) {
        Path file = dir.resolve("synthetic-" + count + ".jsonl.gz");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(file.getFileName() + ".partial");
            spec.commandLine().getErr().printf("writing %s (%,d posts) ...%n", file, count);
            spec.commandLine().getErr().flush();
            SyntheticFeed.write(partial, count, names, 1);
            Files.move(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(PrintWriter out, String what, long records, long nanos, HeapWatch.Figures heap) {
        double seconds = nanos / 1e9;
        out.printf("%-26s %,12d records  %8.1f s  %,10.0f records/s  heap peak used %,5d MB, live after %,5d MB%n",
                what, records, seconds, records / seconds, heap.peakUsedBytes() >> 20, heap.liveBytes() >> 20);
        out.flush();
    }
}
