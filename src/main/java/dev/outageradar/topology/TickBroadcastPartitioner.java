package dev.outageradar.topology;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Kafka Streams keeps stream time per task and only moves it with records. Keyed by service, a partition
 * whose services all fall silent would never close their windows (and never resolve their incidents).
 * Ticks are therefore multicast to every partition; everything else keeps the default key partitioning,
 * so interactive queries can still find a service's state by its key.
 */
final class TickBroadcastPartitioner implements StreamPartitioner<String, ServiceSignal> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, ServiceSignal value, int numPartitions) {
        if (value != null && value.kind() == ServiceSignal.Kind.TICK) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.empty();
    }
}
