package dev.outageradar.topology;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Partition lag as the consumers of this instance last saw it: the {@code records-lag} metric Kafka's
 * consumer records for each assigned partition at every fetch (the end of the log, or the last stable
 * offset under read_committed, minus the consumer's position; transaction markers are not counted).
 * It needs no extra request to the cluster, and it is refreshed by the very fetches that bring posts in.
 *
 * <p>The topology is built before the {@code KafkaStreams} that runs it, so the metrics are attached
 * afterwards; until then the lag is unknown.
 */
public final class ConsumerFetchLag implements PartitionLag {

    static final String METRIC = "records-lag";
    static final String GROUP = "consumer-fetch-manager-metrics";

    private volatile Supplier<Map<MetricName, ? extends Metric>> metrics = Map::of;

    /** Reads the lag of the stream threads' consumers. */
    public void attach(KafkaStreams streams) {
        attach(streams::metrics);
    }

    /** Reads the lag from these metrics (a consumer's own, in tests). */
    public void attach(Supplier<Map<MetricName, ? extends Metric>> source) {
        this.metrics = source;
    }

    /**
     * The largest value any consumer reports for the partition: just after a rebalance a thread that lost
     * the partition may still show its last figure, and a stale zero must not hide a real backlog.
     */
    @Override
    public OptionalLong unread(String topic, int partition) {
        String partitionTag = Integer.toString(partition);
        double max = Double.NaN;
        for (var entry : metrics.get().entrySet()) {
            MetricName name = entry.getKey();
            if (METRIC.equals(name.name()) && GROUP.equals(name.group())
                    && topic.equals(name.tags().get("topic")) && partitionTag.equals(name.tags().get("partition"))
                    && entry.getValue().metricValue() instanceof Double value && !value.isNaN()) {
                max = Double.isNaN(max) ? value : Math.max(max, value);
            }
        }
        return Double.isNaN(max) ? OptionalLong.empty() : OptionalLong.of((long) Math.max(0, max));
    }
}
