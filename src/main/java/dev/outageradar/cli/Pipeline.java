package dev.outageradar.cli;

import dev.outageradar.api.ApiServer;
import dev.outageradar.api.AppMetrics;
import dev.outageradar.broker.BrokerAddressFile;
import dev.outageradar.broker.EmbeddedKafkaBroker;
import dev.outageradar.broker.TopicProvisioner;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigException;
import dev.outageradar.config.StreamsProperties;
import dev.outageradar.topology.ConsumerFetchLag;
import dev.outageradar.topology.OutageTopology;
import dev.outageradar.topology.TopologySettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running outage-radar: the cluster (an existing one, or the embedded broker), its topics, and the
 * Kafka Streams application with its query API. Shared by {@code run} and {@code demo}; closing it stops
 * all of them.
 */
final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final KafkaStreams streams;
    private final AppConfig config;
    /** Null when api.enabled=false. */
    private final ApiServer api;
    private final AppMetrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> failure;

    private Pipeline(EmbeddedKafkaBroker broker, String bootstrapServers, KafkaStreams streams, AppConfig config,
                     ApiServer api, AppMetrics metrics, CompletableFuture<Void> failure) {
        this.failure = failure;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.streams = streams;
        this.config = config;
        this.api = api;
        this.metrics = metrics;
    }

    /** Thrown by {@link #start} when a stop was asked for before it finished; what it had started is stopped. */
    static final class StoppedDuringStart extends RuntimeException {
        StoppedDuringStart() {
            super("stopped during start-up", null, false, false);
        }
    }

    /** @param temporaryBroker when no cluster is configured: a throw-away broker instead of the persistent one */
    static Pipeline start(AppConfig config, boolean temporaryBroker) {
        return start(config, temporaryBroker, () -> false);
    }

    /**
     * @param stopRequested checked between the steps of the start and while waiting for Kafka Streams: once
     *                      true, the start stops what it has started and throws {@link StoppedDuringStart}
     */
    static Pipeline start(AppConfig config, boolean temporaryBroker, BooleanSupplier stopRequested) {
        ServiceCatalog catalog = ServiceCatalog.load(config.catalog());
        ComplaintMatcher matcher = ComplaintMatcher.compile(catalog);
        TopologySettings withCatalog = config.topologyWith(catalog);
        EmbeddedKafkaBroker broker = null;
        String bootstrap;
        if (config.bootstrapServers().isPresent()) {
            bootstrap = config.bootstrapServers().get();
        } else {
            broker = temporaryBroker ? EmbeddedKafkaBroker.startTemporary()
                    : EmbeddedKafkaBroker.start(config.embeddedDataDir());
            bootstrap = broker.bootstrapServers();
        }
        ApiServer api = null;
        KafkaStreams streams = null;
        AppMetrics metrics = new AppMetrics();
        try {
            if (broker != null && !temporaryBroker) {
                BrokerAddressFile.write(config.embeddedDataDir(), bootstrap);
            }
            throwIfStopRequested(stopRequested);
            int postsPartitions = provisionTopics(config, bootstrap);
            throwIfStopRequested(stopRequested);
            TopologySettings settings = withCatalog.withPostsPartitions(postsPartitions);
            ConsumerFetchLag lag = new ConsumerFetchLag();
            Topology topology = OutageTopology.build(settings, matcher, metrics.pipeline(), lag);
            Properties props = StreamsProperties.of(config, bootstrap);
            if (config.api().enabled()) {
                api = ApiServer.bind(config.api());
                // How the other instances of this application id reach this one's state.
                props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, api.applicationServer());
            }
            streams = new KafkaStreams(topology, props);
            lag.attach(streams);
            CompletableFuture<Void> failure = new CompletableFuture<>();
            streams.setStateListener((newState, oldState) -> {
                if (newState == KafkaStreams.State.ERROR) {
                    failure.complete(null);
                }
            });
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("stream thread failed; shutting down", e);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT;
            });
            metrics.bind(streams);
            if (api != null) {
                api.serve(streams, settings, metrics);
            }
            streams.start();
            awaitRunning(streams, bootstrap, stopRequested);
            LOG.info("outage-radar running: application {} on {}, reading {} ({} partitions)",
                    config.applicationId(), bootstrap, settings.topics().posts(), postsPartitions);
            return new Pipeline(broker, bootstrap, streams, config, api, metrics, failure);
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            if (streams != null) {
                streams.close(CLOSE_TIMEOUT);
            }
            metrics.close();
            stopBroker(broker, config);
            if (e instanceof StoppedDuringStart) {
                LOG.info("outage-radar stopped during start-up");
            }
            throw e;
        }
    }

    private static void throwIfStopRequested(BooleanSupplier stopRequested) {
        if (stopRequested.getAsBoolean()) {
            throw new StoppedDuringStart();
        }
    }

    /**
     * Creates missing topics and returns the posts topic's partition count. The topics it creates keep
     * the broker's append time as record timestamp: records carry event time (a replayed feed's posts,
     * and the dead letters and alerts derived from them, are months old), and with create time the
     * broker would roll a segment per record and delete all but the newest at its first retention check,
     * so a replay's input and results would vanish. Event time is read from the posts themselves.
     */
    static int provisionTopics(AppConfig config, String bootstrap) {
        Properties props = StreamsProperties.clientsOf(config, bootstrap);
        try (Admin admin = Admin.create(props)) {
            var topics = config.topology().topics();
            List<NewTopic> wanted = topics.all().stream()
                    .map(name -> new NewTopic(name, config.partitions(), config.replicationFactor())
                            .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")))
                    .toList();
            TopicProvisioner.ensure(admin, wanted);
            return admin.describeTopics(List.of(topics.posts())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topics.posts()).partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new ConfigException("cannot reach Kafka at " + bootstrap + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static void awaitRunning(KafkaStreams streams, String bootstrapServers, BooleanSupplier stopRequested) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            throwIfStopRequested(stopRequested);
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
                    || System.nanoTime() > deadline) {
                throw new ConfigException("Kafka Streams did not start against " + bootstrapServers
                        + " within " + STARTUP_TIMEOUT.toSeconds() + " s (state " + streams.state() + ")");
            }
            sleep(100);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Completes when Kafka Streams has stopped for good after an error (its uncaught-exception handler
     * shuts the client down): the process should then exit, so that whatever supervises it restarts it,
     * rather than live on without processing.
     */
    CompletableFuture<Void> failure() {
        return failure;
    }

    /** The query API's port; -1 when api.enabled=false. */
    int apiPort() {
        return api == null ? -1 : api.port();
    }

    /** Records this instance has read from the posts topic, malformed ones included. */
    long postsRead() {
        return metrics.pipeline().postsRead();
    }

    KafkaStreams streams() {
        return streams;
    }

    AppConfig config() {
        return config;
    }

    /** Where the dashboard and the query API answer, or empty when api.enabled=false. */
    Optional<String> apiUrl() {
        return Optional.ofNullable(api).map(server -> "http://" + server.applicationServer() + "/");
    }

    Properties clientProperties() {
        return StreamsProperties.clientsOf(config, bootstrapServers);
    }

    /**
     * Stops in dependency order: the API first (no query reaches a closing store), then Kafka Streams,
     * which commits, flushes its stores and writes their checkpoints (so the next start restores nothing)
     * while the broker is still there, then the embedded broker, which shuts down cleanly (no log recovery
     * at the next start). Safe to call twice: the shutdown hook and a failing command may both call it.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (api != null) {
            api.close();
        }
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn("Kafka Streams did not stop within {} s; its state will be restored from the changelogs at "
                    + "the next start", CLOSE_TIMEOUT.toSeconds());
        }
        metrics.close();
        stopBroker(broker, config);
        LOG.info("outage-radar stopped");
    }

    /** Stops the embedded broker, if there is one, and forgets its address (nobody may produce to it now). */
    private static void stopBroker(EmbeddedKafkaBroker broker, AppConfig config) {
        if (broker == null) {
            return;
        }
        if (!broker.isTemporary()) {
            BrokerAddressFile.delete(config.embeddedDataDir());
        }
        broker.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
