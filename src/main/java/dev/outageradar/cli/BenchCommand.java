package dev.outageradar.cli;

import dev.outageradar.bench.BareCountTopology;
import dev.outageradar.bench.ClassifyThroughput;
import dev.outageradar.bench.GeneratedCatalog;
import dev.outageradar.bench.HeapWatch;
import dev.outageradar.bench.OfflineThroughput;
import dev.outageradar.bench.ProcessMemory;
import dev.outageradar.bench.StoreSize;
import dev.outageradar.bench.SyntheticFeed;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.classify.ServiceDefinition;
import dev.outageradar.config.AppConfig;
import dev.outageradar.replay.FeedFormat;
import dev.outageradar.replay.FeedReader;
import dev.outageradar.replay.Pace;
import dev.outageradar.replay.Replay;
import dev.outageradar.topology.OutageTopology;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures, in one run, and prints as a table (numbers as in issue 7): (1) offline "
                + "throughput of outage-radar's whole topology against a bare count per key in the same windows, "
                + "on the same generated feed and the same driver (TopologyTestDriver), and reading the feed as "
                + "replay does; (2) end to end on a throw-away embedded broker: the feed produced first, then read by "
                + "a plain consumer (the ceiling) and by the app with exactly_once_v2 and with at_least_once; (3) alert "
                + "latency: bursts of one service's complaints produced live, from the posts that close the burst's "
                + "window to the alert readable on the alert topic, p50 and p99; (4) memory: heap, resident set, and state store sizes after a simulated month; "
                + "(5) classification throughput with catalogs of several sizes. Feeds are written once and kept "
                + "in --dir. Run it with the heap limit to check: JAVA_OPTS=-Xmx512m bin/outage-radar bench. "
                + "See BENCHMARKS.md."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--posts", paramLabel = "N", defaultValue = "5000000",
            description = "Posts in the offline feed, ten a second of event time (default: ${DEFAULT-VALUE}).")
    private long posts;

    @Option(names = "--services", paramLabel = "N", defaultValue = "100",
            description = "Services of the generated catalog the feeds are about (default: ${DEFAULT-VALUE}).")
    private int services;

    @Option(names = "--e2e-posts", paramLabel = "N", defaultValue = "1000000",
            description = "Posts produced to the embedded broker for the end-to-end rows, read by a plain consumer "
                    + "and by the app with exactly_once_v2 and with at_least_once; 0 skips them "
                    + "(default: ${DEFAULT-VALUE}).")
    private long e2ePosts;

    @Option(names = "--bursts", paramLabel = "N", defaultValue = "20",
            description = "Bursts of one service's complaints for the alert latency; 0 skips it "
                    + "(default: ${DEFAULT-VALUE}).")
    private int bursts;

    @Option(names = "--burst-size", paramLabel = "N", defaultValue = "60",
            description = "Complaints in a burst's minute (default: ${DEFAULT-VALUE}).")
    private int burstSize;

    @Option(names = "--month-posts", paramLabel = "N", defaultValue = "1000000",
            description = "Posts spread evenly over --month-days, for the store sizes; 0 skips it "
                    + "(default: ${DEFAULT-VALUE}).")
    private long monthPosts;

    @Option(names = "--month-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Event-time span of the month feed (default: ${DEFAULT-VALUE}).")
    private int monthDays;

    @Option(names = "--catalog-sizes", paramLabel = "N,N", split = ",", defaultValue = "25,1000,10000",
            description = "Catalog sizes for the classification rows (default: ${DEFAULT-VALUE}).")
    private List<Integer> catalogSizes;

    @Option(names = "--classify-texts", paramLabel = "N", defaultValue = "200000",
            description = "Texts classified per catalog size (default: ${DEFAULT-VALUE}).")
    private int classifyTexts;

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
        String shippedYaml = Files.readString(app.catalog());
        ServiceCatalog catalog = GeneratedCatalog.of(services, shippedYaml);
        TopologySettings settings = app.topologyWith(catalog).withPostsPartitions(1).withInMemoryStores();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("bench: %d cores, heap limit %,d MB, Java %s, load average %.2f at start%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf("feed: %,d posts about %d generated services, ten a second of event time%n%n", posts, services);
        out.println("| # | measure | records | seconds | records/s | heap peak MB | heap live after MB |");
        out.println("|---|---|---|---|---|---|---|");
        out.flush();

        Path feed = feed("offline", posts, catalog, Duration.ofMillis(100));
        HeapWatch readHeap = HeapWatch.start();
        try (FeedReader reader = FeedReader.open(feed, FeedFormat.AUTO, settings.maxTextLength())) {
            Replay.Summary read = new Replay(Pace.max(), null, null, 1)
                    .play(reader, post -> { }, rejected -> { }, soFar -> { });
            row(out, "1", "read feed (replay path: parse, normalize, reject)", read.sent() + read.rejected(),
                    read.elapsed().toNanos(), readHeap.figures());
        }
        String postsTopic = settings.topics().posts();
        OfflineThroughput.Result bare = OfflineThroughput.run(
                BareCountTopology.build(postsTopic, settings.windowSize(), settings.grace()), postsTopic, null, feed,
                settings.maxTextLength());
        row(out, "1", "bare count per key, same windows (TopologyTestDriver)", bare.records(), bare.nanos(), bare.heap());
        OfflineThroughput.Result ours = OfflineThroughput.run(
                OutageTopology.build(settings, ComplaintMatcher.compile(catalog)), postsTopic,
                settings.topics().alerts(), feed, settings.maxTextLength());
        row(out, "1", "outage-radar: parse, classify, count, detect (TopologyTestDriver)", ours.records(),
                ours.nanos(), ours.heap());
        out.printf("| 1 | outage-radar / bare count | | | %.2f (target >= 0.75) | | |%n",
                ours.perSecond() / bare.perSecond());
        out.flush();
        if (e2ePosts > 0 || bursts > 0) {
            Path catalogFile = dir.resolve("catalog-" + services + "-services.yaml");
            Files.writeString(catalogFile, GeneratedCatalog.yaml(services, shippedYaml));
            if (e2ePosts > 0) {
                endToEnd(out, app, catalogFile, dir, feed("e2e", e2ePosts, catalog, Duration.ofMillis(100)));
            }
            if (bursts > 0) {
                AlertLatency.Result latency = AlertLatency.run(app, catalogFile, catalog.services(), bursts, burstSize,
                        dir);
                out.printf("| 3 | alert latency, p50 / p99 s over %d bursts of %d complaints (%d incidents, %,d posts; "
                                + "from sending the posts that close the burst's window to OUTAGE_SUSPECTED read_committed) "
                                + "| %d | %.3f / %.3f | | | |%n", bursts, burstSize, latency.incidents(), latency.posts(),
                        latency.latenciesNanos().size(), latency.percentileSeconds(50), latency.percentileSeconds(99));
                out.flush();
            }
        }

        ClassifyThroughput smallest = null;
        for (int size : catalogSizes) {
            ClassifyThroughput result = ClassifyThroughput.measure(GeneratedCatalog.of(size, shippedYaml),
                    classifyTexts, 1);
            smallest = smallest == null ? result : smallest;
            out.printf("| 5 | classify, %,d services (%,d complaints; compiled in %.1f s; cost %.2fx of %,d) "
                            + "| %,d | %.1f | %,.0f | | |%n", size, result.complaints(), result.compileNanos() / 1e9,
                    smallest.perSecond() / result.perSecond(), smallest.services(), result.texts(),
                    result.nanos() / 1e9, result.perSecond());
            out.flush();
        }

        if (monthPosts > 0) {
            Path month = feed("month", monthPosts, catalog, Duration.ofDays(monthDays).dividedBy(monthPosts));
            OfflineThroughput.Result result = OfflineThroughput.run(
                    OutageTopology.build(settings, ComplaintMatcher.compile(catalog)), postsTopic,
                    settings.topics().alerts(), month, settings.maxTextLength());
            row(out, "4", String.format("month: %d days of %d services (TopologyTestDriver)", monthDays, services),
                    result.records(), result.nanos(), result.heap());
            ProcessMemory memory = ProcessMemory.now();
            out.printf("| 4 | process resident set: peak (VmHWM) %,d MB, now %,d MB | | | | | |%n",
                    memory.peakRssBytes() >> 20, memory.rssBytes() >> 20);
            out.printf("%nstate stores after the month:%n%n| store | entries | bytes |%n|---|---|---|%n");
            for (StoreSize store : result.stores()) {
                out.printf("| %s | %,d | %,d |%n", store.store(), store.entries(), store.bytes());
            }
        } else {
            ProcessMemory memory = ProcessMemory.now();
            out.printf("| 4 | process resident set: peak (VmHWM) %,d MB, now %,d MB | | | | | |%n",
                    memory.peakRssBytes() >> 20, memory.rssBytes() >> 20);
        }
        out.flush();
        return 0;
    }

    /** Row (2): the feed produced once per guarantee to a fresh broker; the plain consumer reads the first. */
    private static void endToEnd(PrintWriter out, AppConfig app, Path catalogFile, Path work, Path feed) {
        boolean first = true;
        for (String guarantee : List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE)) {
            try (EndToEndThroughput.Produced produced = EndToEndThroughput.produce(app, catalogFile, feed, guarantee,
                    work)) {
                if (first) {
                    out.printf("| 2 | produce the feed to the embedded broker (FeedProducer, acks=all) | %,d | %.1f | %,.0f | | |%n",
                            produced.records(), produced.nanos() / 1e9, produced.records() * 1e9 / produced.nanos());
                    EndToEndThroughput.Result ceiling = EndToEndThroughput.plainConsumer(produced);
                    out.printf("| 2 | ceiling: plain consumer reading the posts topic | %,d | %.1f | %,.0f | | |%n",
                            ceiling.records(), ceiling.nanos() / 1e9, ceiling.perSecond());
                    out.flush();
                    first = false;
                }
                EndToEndThroughput.Result result = EndToEndThroughput.app(produced);
                out.printf("| 2 | end to end, %s (after a %.1f s start; %,d alerts) | %,d | %.1f | %,.0f | | |%n",
                        guarantee, result.startNanos() / 1e9, result.alerts(), result.records(), result.nanos() / 1e9,
                        result.perSecond());
                out.flush();
            }
        }
    }

    private Path feed(String kind, long count, ServiceCatalog catalog, Duration spacing) {
        Path file = dir.resolve(String.format("%s-%d-posts-%d-services-%dms.jsonl.gz", kind, count,
                catalog.services().size(), spacing.toMillis()));
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(file.getFileName() + ".partial");
            spec.commandLine().getErr().printf("writing %s (%,d posts) ...%n", file, count);
            spec.commandLine().getErr().flush();
            List<String> names = catalog.services().stream().map(ServiceDefinition::name).toList();
            SyntheticFeed.write(partial, count, names, 1, spacing);
            Files.move(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(PrintWriter out, String number, String what, long records, long nanos,
                            HeapWatch.Figures heap) {
        out.printf("| %s | %s | %,d | %.1f | %,.0f | %,d | %,d |%n", number, what, records, nanos / 1e9,
                records * 1e9 / Math.max(1, nanos), heap.peakUsedBytes() >> 20, heap.liveBytes() >> 20);
        out.flush();
    }
}
