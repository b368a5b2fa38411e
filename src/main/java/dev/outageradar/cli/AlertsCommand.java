package dev.outageradar.cli;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.AlertLine;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.alert.webhook.OpenIncidentResender;
import dev.outageradar.alert.webhook.WebhookSender;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.StreamsProperties;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
                + "an 'outage-radar run' on this machine.",
            "With --webhook URL it posts each event instead, in the --format of the receiver, and records what was "
                + "delivered in a consumer group (--group): a restart goes on from the first event not yet accepted."})
final class AlertsCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AlertsCommand.class);
    private static final Duration POLL = Duration.ofMillis(200);

    @Option(names = "--service", paramLabel = "ID", description = "Only this service's events (repeatable).")
    private Set<String> services = Set.of();

    @Option(names = "--from-beginning", description = "Start at the oldest alert kept, not at the next one (with --webhook: when the "
                    + "group has no committed offset yet).")
    private boolean fromBeginning;

    @Option(names = "--json", description = "Print each event as it is on the topic, one JSON object a line.")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Stop after N events, printed or delivered (default: never).")
    private long limit;

    @Mixin
    private ConfigOptions config;

    @Mixin
    private WebhookOptions webhook;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WebhookOptions.Settings hook = webhook.settings(json, System.getenv());
        AppConfig app = config.load();
        String bootstrap = ClusterAddress.of(app, "alerts");
        String topic = app.topology().topics().alerts();
        Properties props = StreamsProperties.clientsOf(app, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (hook != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, hook.group());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
            // A receiver that is down for an hour keeps the relay retrying one event that long; that is
            // not a stuck consumer, so the group must not evict it (heartbeats still detect a dead one).
            props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Integer.MAX_VALUE);
        }
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread worker = Thread.currentThread();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            Thread stopHook = new Thread(() -> {
                stopping.set(true);
                consumer.wakeup();
                // Ends a webhook retry's wait or request; the event stays uncommitted for the next run.
                worker.interrupt();
                awaitQuietly(stopped);
            }, "outage-radar-alerts-stop");
            Runtime.getRuntime().addShutdownHook(stopHook);
            try {
                return hook == null ? tail(consumer, topic, stopping) : relay(consumer, topic, hook, stopping);
            } catch (WakeupException | InterruptException | InterruptedException e) {
                // Ctrl-C: stop quietly, and clear the interrupt so the consumer still closes cleanly.
                Thread.interrupted();
                return 0;
            } finally {
                stopped.countDown();
                if (!stopping.get()) {
                    Runtime.getRuntime().removeShutdownHook(stopHook);
                }
            }
        }
    }

    /** No consumer group: a tail reads everything from where it starts and leaves no offsets behind. */
    private int tail(KafkaConsumer<String, String> consumer, String topic, AtomicBoolean stopping) {
        PrintWriter out = spec.commandLine().getOut();
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
        return 0;
    }

    private int relay(KafkaConsumer<String, String> consumer, String topic, WebhookOptions.Settings hook,
                      AtomicBoolean stopping) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        Optional<OpenIncidentResender> resender = hook.resender(clock);
        try {
            consumer.subscribe(List.of(topic));
            // The host only: a Slack or generic webhook URL often carries its secret in the path.
            log.info("Posting the alerts of {} to {} as {}, consumer group {}", topic, hook.url().getHost(),
                    hook.format().id(), hook.group());
            WebhookSender sender = hook.sender(clock, duration -> Thread.sleep(duration.toMillis()), resender);
            return new WebhookRelay(consumer, sender, services, limit, spec.commandLine().getOut(),
                    spec.commandLine().getErr()).run(stopping::get);
        } finally {
            resender.ifPresent(OpenIncidentResender::close);
        }
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
