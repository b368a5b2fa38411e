package dev.outageradar.topology;

import java.util.Collection;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store with every entry also held, deserialized, in memory: reads cost nothing, writes go
 * through to the store (and so to its changelog). For the detector's stores, which are read on every
 * complaint and every closed window and hold a few entries per service. Loaded from the store when the
 * processor is initialized, which Kafka Streams does again whenever it rebuilds the task, so the copy
 * never outlives the state it mirrors. Iterates in key order, as the store does.
 */
final class CachedStore<V> {

    private final KeyValueStore<String, V> store;
    private final TreeMap<String, V> entries = new TreeMap<>();

    CachedStore(KeyValueStore<String, V> store) {
        this.store = store;
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> entries.put(entry.key, entry.value));
        }
    }

    V get(String key) {
        return entries.get(key);
    }

    void put(String key, V value) {
        entries.put(key, value);
        store.put(key, value);
    }

    V delete(String key) {
        V removed = entries.remove(key);
        if (removed != null) {
            store.delete(key);
        }
        return removed;
    }

    Collection<V> values() {
        return entries.values();
    }
}
