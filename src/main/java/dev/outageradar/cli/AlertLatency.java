package dev.outageradar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.broker.EmbeddedKafkaBroker;
import dev.outageradar.classify.ServiceDefinition;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.StreamsProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Row (3) of the bench: repeated bursts of one service's complaints, produced live to the production app
 * (exactly_once_v2) on a fresh embedded broker, each timed from the moment its window can close to its
 * OUTAGE_SUSPECTED being readable on the alert topic under read_committed.
 *
 * <p>A window closes when event time on every posts partition has passed its end plus the grace. The
 * background posts of a minute are dated within its first half, so nothing closes the burst's window but
 * the closing posts: one per partition, dated one millisecond past end plus grace. The clock starts just
 * before they are sent, so it includes their produce round trip. Before each burst the app has read every
 * post sent so far: the latency is that of a live stream, not of a backlog.
 *
 * <p>Event time is the past, a minute per window sent as fast as the app takes it: a quiet history of
 * warm-up plus half an hour first (the detector stays silent until warm-up), then each burst, then quiet
 * minutes until the incident is resolved, so the next burst opens a new one.
 */
final class AlertLatency {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** Event time allowed per burst, resolution included; the timeline is laid out in the past to fit. */
    private static final int MINUTES_PER_BURST = 180;
    private static final int BACKGROUND_COMPLAINTS = 2;

    /** @param latenciesNanos one per burst, in burst order */
    record Result(List<Long> latenciesNanos, int incidents, long posts) {

        /** Nearest rank: with 20 bursts the p99 is the slowest. */
        double percentileSeconds(double p) {
            List<Long> sorted = latenciesNanos.stream().sorted().toList();
            int rank = (int) Math.ceil(p / 100 * sorted.size());
            return sorted.get(Math.max(0, rank - 1)) / 1e9;
        }
    }

    private final AppConfig app;
    private final KafkaProducer<byte[], byte[]> producer;
    private final int partitions;
    private final List<ServiceDefinition> services;
    private final long windowMs;
    private final long graceMs;
    private final long startMs;
    private long sent;
    /** The first failed send: the producer reports it on its own thread. */
    private volatile Exception failure;

    private AlertLatency(AppConfig app, KafkaProducer<byte[], byte[]> producer, int partitions,
                         List<ServiceDefinition> services, long startMs) {
        this.app = app;
        this.producer = producer;
        this.partitions = partitions;
        this.services = services;
        this.windowMs = app.topology().detector().windowSize().toMillis();
        this.graceMs = app.topology().grace().toMillis();
        this.startMs = startMs;
    }

    /**
     * @param services  the catalog's services: the first one bursts, the others are mentioned in the background
     * @param burstSize complaints in the burst's minute, each from its own author
     * @param work      where the app's state directory goes, removed after the run
     */
    static Result run(AppConfig base, Path catalog, List<ServiceDefinition> services, int bursts,
                      int burstSize, Path work) {
        if (services.size() < 2) {
            throw new IllegalArgumentException("the latency bench needs at least two services");
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            String bootstrap = broker.bootstrapServers();
            AppConfig app = BenchApp.config(base, bootstrap, catalog, "outage-radar-bench-latency",
                    BenchApp.freshStateDir(work), StreamsConfig.EXACTLY_ONCE_V2);
            try {
                int partitions = Pipeline.provisionTopics(app, bootstrap);
                Properties props = StreamsProperties.clientsOf(app, bootstrap);
                props.put(ProducerConfig.ACKS_CONFIG, "all");
                props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
                long windowMs = app.topology().detector().windowSize().toMillis();
                int historyWindows = historyWindows(app);
                long now = System.currentTimeMillis() / windowMs * windowMs;
                long start = now - (historyWindows + (long) bursts * MINUTES_PER_BURST + 10) * windowMs;
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
                    return new AlertLatency(app, producer, partitions, services, start).measure(bootstrap, bursts,
                            burstSize, historyWindows);
                }
            } finally {
                BenchApp.delete(app.stateDir());
            }
        }
    }

    private static int historyWindows(AppConfig app) {
        return (int) (app.topology().detector().warmup().plusMinutes(30).toMillis()
                / app.topology().detector().windowSize().toMillis());
    }

    private Result measure(String bootstrap, int bursts, int burstSize, int historyWindows) {
        // The first post to each partition is acknowledged before the next (KAFKA-15591, see FeedProducer).
        for (int p = 0; p < partitions; p++) {
            await(producer.send(post(p, startMs + p, services.get(1).name() + " is back up, finally", p)));
        }
        for (int w = 0; w < historyWindows; w++) {
            background(w);
        }
        producer.flush();
        List<Long> latencies = new ArrayList<>();
        Set<String> incidents = new HashSet<>();
        String target = services.get(0).id();
        try (Pipeline pipeline = Pipeline.start(app, false);
             AlertTopicReader alerts = new AlertTopicReader(app, bootstrap)) {
            int window = historyWindows;
            for (int burst = 0; burst < bursts; burst++) {
                awaitCaughtUp(pipeline);
                drain(alerts, target);
                int burstWindow = window;
                background(burstWindow);
                for (int i = 0; i < burstSize; i++) {
                    long at = windowStart(burstWindow) + 1_000 + i * (graceMs - 2_000) / burstSize;
                    send(post(i % partitions, at, complaint(services.get(0).name(), i), burst * 1_000_000L + i));
                }
                background(burstWindow + 1);
                producer.flush();
                long closeAt = windowStart(burstWindow + 1) + graceMs + 1;
                long t0 = System.nanoTime();
                for (int p = 0; p < partitions; p++) {
                    send(post(p, closeAt, "watching something on " + services.get(1).name() + " tonight", p));
                }
                producer.flush();
                String incident = awaitSuspected(alerts, target, incidents);
                latencies.add(System.nanoTime() - t0);
                window = burstWindow + 2;
                while (!resolved(pipeline, alerts, target, incident)) {
                    for (int i = 0; i < 5; i++) {
                        background(window++);
                    }
                    producer.flush();
                    if (window - burstWindow > MINUTES_PER_BURST - 5) {
                        throw new IllegalStateException("bench: incident " + incident + " of " + target
                                + " not resolved within " + MINUTES_PER_BURST + " windows of quiet");
                    }
                }
            }
        }
        return new Result(latencies, incidents.size(), sent);
    }

    /** A quiet window: two complaints about the bursting service, mentions of others on every partition. */
    private void background(int window) {
        int posts = BACKGROUND_COMPLAINTS + 2 * partitions;
        for (int i = 0; i < posts; i++) {
            long at = windowStart(window) + i * (graceMs - 1_000) / posts;
            ServiceDefinition about = services.get(1 + (window + i) % (services.size() - 1));
            String text = i < BACKGROUND_COMPLAINTS ? complaint(services.get(0).name(), i)
                    : "watching something on " + about.name() + " tonight";
            send(post(i % partitions, at, text, i));
        }
    }

    private static String complaint(String name, int i) {
        return i % 2 == 0 ? "is " + name + " down?? #" + name + "Down" : name + " not working for me";
    }

    private long windowStart(int window) {
        return startMs + window * windowMs;
    }

    private ProducerRecord<byte[], byte[]> post(int partition, long at, String text, long id) {
        String author = "bench" + sent;
        String json = "{\"id\":\"" + sent + "-" + id + "\",\"created_at\":\"" + Instant.ofEpochMilli(at) + "\",\"text\":\""
                + text + "\",\"author\":\"" + author + "\",\"lang\":\"en\",\"source\":\"twitter\"}";
        return new ProducerRecord<>(app.topology().topics().posts(), partition,
                author.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        producer.send(record, (metadata, e) -> {
            if (e != null && failure == null) {
                failure = e;
            }
        });
        sent++;
    }

    private void await(Future<?> result) {
        try {
            result.get();
            sent++;
        } catch (ExecutionException e) {
            throw new IllegalStateException("bench: cannot send a post: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void awaitCaughtUp(Pipeline pipeline) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (pipeline.postsRead() < sent) {
            if (failure != null) {
                throw new IllegalStateException("bench: cannot send a post: " + failure.getMessage(), failure);
            }
            EndToEndThroughput.failAfter(deadline, "the app read " + pipeline.postsRead() + " of " + sent + " posts");
            Pipeline.sleep(5);
        }
    }

    /** Reads what is readable now; an unexpected incident of the target shows the history was not quiet. */
    private static void drain(AlertTopicReader alerts, String target) {
        for (JsonNode event : alerts.poll(Duration.ofMillis(100))) {
            if (event.path("service").asText().equals(target) && event.path("type").asText().equals("OUTAGE_SUSPECTED")) {
                throw new IllegalStateException("bench: " + target + " alerted outside a burst: " + event);
            }
        }
    }

    /** Waits for the target's next OUTAGE_SUSPECTED; returns its incident. */
    private static String awaitSuspected(AlertTopicReader alerts, String target, Set<String> incidents) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            for (JsonNode event : alerts.poll(Duration.ofMillis(1))) {
                String id = event.path("incident_id").asText();
                if (event.path("service").asText().equals(target)
                        && event.path("type").asText().equals("OUTAGE_SUSPECTED")) {
                    incidents.add(id);
                    return id;
                }
            }
            EndToEndThroughput.failAfter(deadline, "no OUTAGE_SUSPECTED for " + target);
        }
    }

    private boolean resolved(Pipeline pipeline, AlertTopicReader alerts, String target, String incident) {
        awaitCaughtUp(pipeline);
        for (JsonNode event : alerts.poll(Duration.ofMillis(300))) {
            if (event.path("incident_id").asText().equals(incident)
                    && event.path("type").asText().equals("OUTAGE_RESOLVED")) {
                return true;
            }
        }
        return false;
    }
}
