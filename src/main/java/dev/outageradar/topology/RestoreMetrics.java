package dev.outageradar.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * State restoration from the changelogs, per store: records restored so far, and records still to restore
 * (an instance that restarts without its local state, or takes over a task, answers only once this is 0).
 * Registered with {@code KafkaStreams#setGlobalStateRestoreListener}, so it sees every store of the client.
 */
public final class RestoreMetrics implements StateRestoreListener {

    private record Restoring(String store, TopicPartition partition) {
    }

    /** @param end exclusive end offset of the restoration; @param next the next offset to restore */
    private record Offsets(long end, long next) {
        long remaining() {
            return Math.max(0, end - next);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, Counter> restored = new ConcurrentHashMap<>();
    private final Map<Restoring, Offsets> progress = new ConcurrentHashMap<>();

    public RestoreMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        meters(store);
        progress.put(new Restoring(store, partition), new Offsets(endingOffset, startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restored.get(store).increment(numRestored);
        progress.computeIfPresent(new Restoring(store, partition),
                (key, offsets) -> new Offsets(offsets.end(), batchEndOffset + 1));
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        progress.remove(new Restoring(store, partition));
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        progress.remove(new Restoring(store, partition));
    }

    private void meters(String store) {
        restored.computeIfAbsent(store, s -> {
            Gauge.builder(PipelineMetrics.RESTORE_REMAINING_RECORDS, this, self -> self.remaining(s))
                    .strongReference(true).tag(PipelineMetrics.TAG_STORE, s)
                    .description("Changelog records (offsets) still to restore into the store")
                    .register(registry);
            return Counter.builder(PipelineMetrics.RESTORED_RECORDS).tag(PipelineMetrics.TAG_STORE, s)
                    .description("Changelog records restored into the store").register(registry);
        });
    }

    private double remaining(String store) {
        return progress.entrySet().stream().filter(e -> e.getKey().store().equals(store))
                .mapToLong(e -> e.getValue().remaining()).sum();
    }
}
