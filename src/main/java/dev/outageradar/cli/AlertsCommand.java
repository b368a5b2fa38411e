package dev.outageradar.cli;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.AlertLine;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.StreamsProperties;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tails the alert topic: one readable line per event (time, service, type, severity, count "
                + "against expected), or the raw events with --json. Reads only committed alerts (read_committed), "
                + "so an alert of a transaction that was rolled back never shows. Runs until Ctrl-C.",
            "The cluster is --bootstrap-servers (or OUTAGE_RADAR_BOOTSTRAP_SERVERS), else the embedded broker of "
                + "an 'outage-radar run' on this machine."})
final class AlertsCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(200);

    @Option(names = "--service", paramLabel = "ID", description = "Only this service's events (repeatable).")
    private Set<String> services = Set.of();

    @Option(names = "--from-beginning", description = "Start at the oldest alert kept, not at the next one.")
    private boolean fromBeginning;

    @Option(names = "--json", description = "Print each event as it is on the topic, one JSON object a line.")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Stop after N events (default: never).")
    private long limit;

    @Mixin
    private ConfigOptions config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        AppConfig app = config.load();
        String bootstrap = ClusterAddress.of(app, "alerts");
        String topic = app.topology().topics().alerts();
        Properties props = StreamsProperties.clientsOf(app, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        // No consumer group: a tail reads everything from where it starts and leaves no offsets behind.
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            Thread hook = new Thread(() -> {
                stopping.set(true);
                consumer.wakeup();
                awaitQuietly(stopped);
            }, "outage-radar-alerts-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                if (fromBeginning) {
                    consumer.seekToBeginning(partitions);
                } else {
                    consumer.seekToEnd(partitions);
                }
                long shown = 0;
                while (!stopping.get() && (limit <= 0 || shown < limit)) {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        if (!services.isEmpty() && !services.contains(record.key())) {
                            continue;
                        }
                        out.println(json ? record.value() : line(record.value()));
                        out.flush();
                        shown++;
                        if (limit > 0 && shown >= limit) {
                            break;
                        }
                    }
                }
            } catch (WakeupException e) {
                // Ctrl-C: stop quietly.
            } finally {
                stopped.countDown();
                if (!stopping.get()) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
            }
        }
        return 0;
    }

    /** The readable line, or the raw value when it is not an alert this version understands. */
    private static String line(String value) {
        try {
            return AlertLine.format(JsonFormat.mapper().readValue(value, AlertEvent.class));
        } catch (IOException e) {
            return "unreadable alert: " + value;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
