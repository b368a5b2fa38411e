package dev.outageradar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * How much a state store holds: its entries and the bytes of their keys and values as stored (what the
 * changelog's compacted form would keep), read from the innermost byte store under Kafka Streams' metering,
 * logging and caching layers.
 */
public record StoreSize(String store, long entries, long bytes) {

    public static List<StoreSize> of(Map<String, StateStore> stores) {
        List<StoreSize> sizes = new ArrayList<>();
        new TreeMap<>(stores).forEach((name, store) -> sizes.add(of(name, innermost(store))));
        return sizes;
    }

    private static StateStore innermost(StateStore store) {
        StateStore inner = store;
        while (inner instanceof WrappedStateStore<?, ?, ?> wrapped) {
            inner = wrapped.wrapped();
        }
        return inner;
    }

    @SuppressWarnings("unchecked")
    private static StoreSize of(String name, StateStore store) {
        long entries = 0;
        long bytes = 0;
        if (store instanceof ReadOnlyKeyValueStore<?, ?> keyValue) {
            try (KeyValueIterator<Bytes, byte[]> all = ((ReadOnlyKeyValueStore<Bytes, byte[]>) keyValue).all()) {
                while (all.hasNext()) {
                    var entry = all.next();
                    entries++;
                    bytes += entry.key.get().length + (entry.value == null ? 0 : entry.value.length);
                }
            }
        } else if (store instanceof ReadOnlyWindowStore<?, ?> window) {
            try (KeyValueIterator<Windowed<Bytes>, byte[]> all = ((ReadOnlyWindowStore<Bytes, byte[]>) window).all()) {
                while (all.hasNext()) {
                    var entry = all.next();
                    entries++;
                    // The window's start is stored beside the key (8 bytes), as in the changelog's key.
                    bytes += entry.key.key().get().length + Long.BYTES + (entry.value == null ? 0 : entry.value.length);
                }
            }
        } else {
            return new StoreSize(name, -1, -1);
        }
        return new StoreSize(name, entries, bytes);
    }
}
