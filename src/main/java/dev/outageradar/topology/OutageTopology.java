package dev.outageradar.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.ServiceCount;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.detect.SeasonalBaseline;
import dev.outageradar.detect.ServiceDetectors;
import dev.outageradar.detect.ServiceState;
import dev.outageradar.detect.WindowTally;
import dev.outageradar.post.PostParser;
import dev.outageradar.post.PostTimestampExtractor;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * The one place that wires Kafka Streams. {@link #build} has no I/O: the live application, the offline
 * backtest and the tests all run the graph it returns.
 *
 * <pre>
 * posts ─ parse ─┬─ rejected ─────────────────────────────────────────────► posts.dlq
 *                └─ accepted ─ classify ─ repartition by service (+ ticks to all) ─ detect ─┬► service-counts
 *                                                                                          └► outage-alerts
 * </pre>
 */
public final class OutageTopology {

    static final Serde<ServiceSignal> SIGNAL_SERDE = new ServiceSignalSerde();
    static final Serde<WindowTally> TALLY_SERDE = new WindowTallySerde();
    static final Serde<ServiceState<SeasonalBaseline.State>> STATE_SERDE =
            JsonSerde.of(new TypeReference<ServiceState<SeasonalBaseline.State>>() { });
    public static final Serde<AlertEvent> ALERT_SERDE = JsonSerde.of(AlertEvent.class);
    public static final Serde<ServiceCount> COUNT_SERDE = JsonSerde.of(ServiceCount.class);
    public static final Serde<JudgedWindow> JUDGED_WINDOW_SERDE = new JudgedWindowSerde();
    public static final Serde<IncidentSummary> INCIDENT_SERDE = JsonSerde.of(IncidentSummary.class);

    private OutageTopology() {
    }

    /** The topology with meters nobody reads: for offline runs and tests that do not look at them. */
    public static Topology build(TopologySettings settings, ComplaintMatcher matcher) {
        return build(settings, matcher, PipelineMetrics.unpublished());
    }

    /** The topology for a driver that hands over every record itself (nothing is ever left unread). */
    public static Topology build(TopologySettings settings, ComplaintMatcher matcher, PipelineMetrics metrics) {
        return build(settings, matcher, metrics, PartitionLag.NONE_UNREAD);
    }

    /**
     * @param metrics where the processors count posts, dead letters, complaints and alerts
     * @param lag     what this instance has not fetched yet of each posts partition: a quiet partition
     *                goes idle only once it is drained
     */
    public static Topology build(TopologySettings settings, ComplaintMatcher matcher, PipelineMetrics metrics,
                                 PartitionLag lag) {
        // Unnamed internal topics or stores fail the build instead of getting generated, unstable names.
        Properties namingCheck = new Properties();
        namingCheck.put(StreamsConfig.APPLICATION_ID_CONFIG, "naming-check");
        namingCheck.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        namingCheck.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // Only so that this throw-away config does not log Kafka's advice about the setting.
        namingCheck.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(namingCheck)));
        Topics topics = settings.topics();
        long windowMs = settings.windowSize().toMillis();

        // The extractor judges each record as the parse step will, so only accepted posts move event time.
        var eventTimes = new PostTimestampExtractor(new PostParser(settings.maxTextLength()), settings.maxFutureSkew());
        KStream<byte[], ParsedPost> parsed = builder
                .stream(topics.posts(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withTimestampExtractor(eventTimes)
                        .withName(Names.SOURCE_POSTS))
                .process(() -> new ParsePostProcessor(eventTimes, metrics),
                        Named.as(Names.PARSE_POSTS));

        var branches = parsed.split(Named.as(Names.SPLIT_PARSED))
                .branch((key, value) -> value instanceof ParsedPost.Rejected, Branched.as(Names.BRANCH_REJECTED))
                .defaultBranch(Branched.as(Names.BRANCH_ACCEPTED));

        branches.get(Names.SPLIT_PARSED + Names.BRANCH_REJECTED)
                .mapValues(value -> ((ParsedPost.Rejected) value).original(), Named.as(Names.DEAD_LETTER_VALUE))
                .to(topics.deadLetters(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(Names.SINK_DEAD_LETTERS));

        boolean inMemory = settings.inMemoryStores();
        builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(Names.STORE_OPEN_WINDOWS, inMemory),
                Serdes.String(), TALLY_SERDE));
        builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(Names.STORE_SERVICE_STATE, inMemory),
                Serdes.String(), STATE_SERDE));
        builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(Names.STORE_SOURCE_CLOCK, inMemory),
                Serdes.String(), JsonSerde.of(SourceClock.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(Names.STORE_COMPLAINT_AUTHORS, inMemory),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(windowHistoryStore(settings), Serdes.String(),
                JUDGED_WINDOW_SERDE));
        builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(Names.STORE_INCIDENT_HISTORY, inMemory),
                Serdes.String(), INCIDENT_SERDE));
        ServiceDetectors detectors = new ServiceDetectors(settings.detector(), settings.serviceDetectors());

        KStream<String, DetectorOutput> detected = branches.get(Names.SPLIT_PARSED + Names.BRANCH_ACCEPTED)
                .mapValues(value -> ((ParsedPost.Accepted) value).post(), Named.as(Names.ACCEPTED_POST))
                .process(() -> new ClassifyPostProcessor(matcher, settings.tickInterval(), settings.idleAfter(),
                                settings.grace(), lag, topics.posts(), metrics),
                        Named.as(Names.CLASSIFY_POSTS))
                .repartition(Repartitioned.<String, ServiceSignal>as(Names.REPARTITION_BY_SERVICE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(SIGNAL_SERDE)
                        .withStreamPartitioner(new TickBroadcastPartitioner()))
                .process(() -> new OutageDetectionProcessor(detectors, windowMs, settings.grace().toMillis(),
                                settings.authorHorizon().toMillis(), settings.postsPartitions(),
                                settings.history().incidentRetention().toMillis(), metrics),
                        Named.as(Names.DETECT_OUTAGES), Names.STORE_OPEN_WINDOWS, Names.STORE_SERVICE_STATE,
                        Names.STORE_SOURCE_CLOCK, Names.STORE_COMPLAINT_AUTHORS, Names.STORE_WINDOW_HISTORY,
                        Names.STORE_INCIDENT_HISTORY);

        var outputs = detected.split(Named.as(Names.SPLIT_OUTPUTS))
                .branch((key, value) -> value instanceof DetectorOutput.Alerted, Branched.as(Names.BRANCH_ALERTS))
                .defaultBranch(Branched.as(Names.BRANCH_COUNTS));
        outputs.get(Names.SPLIT_OUTPUTS + Names.BRANCH_ALERTS)
                .mapValues(value -> AlertEvent.of(((DetectorOutput.Alerted) value).event()), Named.as(Names.ALERT_VALUE))
                .processValues(AlertCloudEventProcessor::new, Named.as(Names.ALERT_CLOUDEVENT_HEADERS))
                .to(topics.alerts(), Produced.with(Serdes.String(), ALERT_SERDE).withName(Names.SINK_ALERTS));
        outputs.get(Names.SPLIT_OUTPUTS + Names.BRANCH_COUNTS)
                .mapValues(value -> ServiceCount.of(((DetectorOutput.Counted) value).assessment()),
                        Named.as(Names.COUNT_VALUE))
                .to(topics.counts(), Produced.with(Serdes.String(), COUNT_SERDE).withName(Names.SINK_COUNTS));

        return builder.build();
    }

    /**
     * A window store, so Kafka Streams itself drops what is older than the retention (in event time, by
     * segments) from the store and from its changelog; the windows of the store are the detector's.
     */
    private static WindowBytesStoreSupplier windowHistoryStore(TopologySettings settings) {
        Duration retention = settings.history().windowRetention();
        return settings.inMemoryStores()
                ? Stores.inMemoryWindowStore(Names.STORE_WINDOW_HISTORY, retention, settings.windowSize(), false)
                : Stores.persistentWindowStore(Names.STORE_WINDOW_HISTORY, retention, settings.windowSize(), false);
    }

    private static KeyValueBytesStoreSupplier keyValueStore(String name, boolean inMemory) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

}
