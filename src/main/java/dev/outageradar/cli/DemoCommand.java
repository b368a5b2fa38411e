package dev.outageradar.cli;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigException;
import dev.outageradar.replay.FeedProducer;
import dev.outageradar.replay.ScratchDir;
import dev.outageradar.topology.DeadLetterHeaders;
import dev.outageradar.topology.Names;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Plays a bundled feed through a real Kafka broker and the live application, prints each "
                + "alert as it arrives and a summary, then stops.",
            "The default feed is a normal day for several services, then a two-hour Spotify outage with "
                + "tens of thousands of complaints (like the one of 30 September 2024), and a few malformed lines."})
final class DemoCommand implements Callable<Integer> {

    private static final String DEMO_APPLICATION_ID = "outage-radar-demo";

    @Mixin
    private ConfigOptions config;

    @Option(names = "--feed", paramLabel = "FILE", defaultValue = "samples/spotify-outage-2024-09.jsonl.gz",
            description = "Feed to play, JSON lines, plain or .gz (default: ${DEFAULT-VALUE}).")
    private Path feed;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "Give up when the feed is not processed within this time (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isReadable(feed)) {
            throw new ConfigException("feed file not found: " + feed);
        }
        long started = System.nanoTime();
        // Not the OS temp folder, which the OS may clean under a running application.
        ScratchDir stateDir = ScratchDir.createIn(Path.of("data"), "demo-state-");
        AppConfig app = config.load().isolated(DEMO_APPLICATION_ID, stateDir.path());
        out.println("Starting Kafka and outage-radar ...");
        out.flush();
        try (Pipeline pipeline = Pipeline.start(app, true);
             Progress progress = new Progress(pipeline.clientProperties());
             AlertCollector alerts = new AlertCollector(pipeline.clientProperties(), app.topology().topics().alerts(), out)) {
            out.printf("Kafka at %s. Playing %s ...%n", pipeline.bootstrapServers(), feed);
            out.flush();
            long sent = FeedProducer.sendLines(feed, app.topology().topics().posts(), pipeline.clientProperties());
            out.printf("Sent %,d posts; waiting for outage-radar to process them ...%n", sent);
            out.flush();
            boolean done = awaitProcessed(pipeline, progress, alerts, started);
            alerts.poll(Duration.ofMillis(500));
            printSummary(out, sent, deadLetters(pipeline), alerts.events(), started);
            if (!done) {
                spec.commandLine().getErr().println("outage-radar: the feed was not fully processed within " + timeout);
                return 1;
            }
            return 0;
        } finally {
            stateDir.close();
        }
    }

    private boolean awaitProcessed(Pipeline pipeline, Progress progress, AlertCollector alerts, long started) {
        String repartition = DEMO_APPLICATION_ID + "-" + Names.REPARTITION_BY_SERVICE + "-repartition";
        List<String> inputs = List.of(pipeline.config().topology().topics().posts(), repartition);
        int quietChecks = 0;
        while (System.nanoTime() - started < timeout.toNanos()) {
            alerts.poll(Duration.ofMillis(250));
            quietChecks = progress.lag(DEMO_APPLICATION_ID, inputs) == 0 ? quietChecks + 1 : 0;
            if (quietChecks >= 3) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> deadLetters(Pipeline pipeline) {
        Properties props = new Properties();
        props.putAll(pipeline.clientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String topic = pipeline.config().topology().topics().deadLetters();
        Map<String, Long> reasons = new TreeMap<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // The high watermark, not the read-committed end: the last transaction's commit marker may
            // reach the dead-letter partition a moment after the group's offsets, and until it does a
            // read-committed end stops short of the last dead letter.
            Map<TopicPartition, Long> ends = highWatermarks(pipeline, partitions);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    var header = record.headers().lastHeader(DeadLetterHeaders.REASON);
                    String reason = header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
                    reasons.merge(reason, 1L, Long::sum);
                });
            }
        }
        return reasons;
    }

    private static Map<TopicPartition, Long> highWatermarks(Pipeline pipeline, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        try (Admin admin = Admin.create(pipeline.clientProperties())) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(10, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the dead-letter topic's end offsets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void printSummary(PrintWriter out, long sent, Map<String, Long> deadLetters,
                                     List<AlertEvent> events, long started) {
        out.println();
        out.println("Summary");
        out.printf("  posts played:   %,d%n", sent);
        out.printf("  dead letters:   %,d in the dead-letter topic%s%n", deadLetters.values().stream().mapToLong(Long::longValue).sum(),
                deadLetters.isEmpty() ? "" : " " + deadLetters);
        Map<String, List<AlertEvent>> byIncident = events.stream()
                .collect(Collectors.groupingBy(AlertEvent::incidentId, TreeMap::new, Collectors.toList()));
        out.printf("  incidents:      %d%n", byIncident.size());
        byIncident.forEach((id, incident) -> {
            AlertEvent last = incident.get(incident.size() - 1);
            AlertEvent first = incident.get(0);
            out.printf("    %-28s %-8s opened %s, %s, peak %,d complaints/window%n", id, last.severity(),
                    first.openedAt(), last.type() == dev.outageradar.detect.IncidentEventType.OUTAGE_RESOLVED
                            ? "resolved after " + last.durationSeconds() / 60 + " min" : "still open",
                    incident.stream().mapToLong(AlertEvent::peakCount).max().orElse(0));
        });
        out.printf("  elapsed:        %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.flush();
    }
}
