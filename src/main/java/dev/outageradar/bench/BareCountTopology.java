package dev.outageradar.bench;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;

/**
 * The yardstick: the least a Kafka Streams application can do with the posts topic, count records per key
 * in the same tumbling windows (same size and grace, in memory as the offline run keeps outage-radar's
 * stores) and write the counts out. Its throughput over the same records on the same driver is the
 * engine's share of the cost; outage-radar's ratio to it shows what parsing, classifying and detecting add.
 */
public final class BareCountTopology {

    static final String STORE = "bare-counts";
    static final String COUNTS_TOPIC = "bare-counts";

    private BareCountTopology() {
    }

    public static Topology build(String postsTopic, Duration window, Duration grace) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(postsTopic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bare-source"))
                .groupByKey(Grouped.<byte[], byte[]>as("bare-group").withKeySerde(Serdes.ByteArray()))
                .windowedBy(TimeWindows.ofSizeAndGrace(window, grace))
                .count(Named.as("bare-count"), Materialized.<byte[], Long>as(
                                Stores.inMemoryWindowStore(STORE, window.plus(grace), window, false))
                        .withKeySerde(Serdes.ByteArray()))
                .toStream(Named.as("bare-to-stream"))
                .map((windowed, count) -> KeyValue.pair(windowed.key(), count), Named.as("bare-unwindow"))
                .to(COUNTS_TOPIC, Produced.with(Serdes.ByteArray(), Serdes.Long()).withName("bare-sink"));
        return builder.build();
    }
}
