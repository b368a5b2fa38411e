package dev.outageradar.api;

import dev.outageradar.topology.IncidentSummary;
import dev.outageradar.topology.JudgedWindow;
import dev.outageradar.topology.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Interactive queries of this instance's part of the detector's history: the judged windows and the
 * incidents. Both stores belong to the detector's tasks, so a service's history lives with its state, on
 * the instance {@link ServiceStates#owner} names.
 */
final class ServiceHistory {

    /** The latest time a window store takes (Instant.MAX has no epoch milliseconds). */
    private static final Instant END_OF_TIME = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final KafkaStreams streams;

    ServiceHistory(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The service's judged windows starting in [from, to), oldest first; the key is the window start. */
    List<KeyValue<Long, JudgedWindow>> windows(String service, Instant from, Instant to) {
        List<KeyValue<Long, JudgedWindow>> windows = new ArrayList<>();
        if (!from.isBefore(to)) {
            return windows;
        }
        return read(() -> {
            try (WindowStoreIterator<JudgedWindow> it = windowStore().fetch(service, from, to.minusMillis(1))) {
                it.forEachRemaining(windows::add);
            }
            return windows;
        });
    }

    /** The oldest window the history still holds for the service, or null. */
    KeyValue<Long, JudgedWindow> oldest(String service) {
        return read(() -> {
            try (WindowStoreIterator<JudgedWindow> it = windowStore().fetch(service, Instant.EPOCH, END_OF_TIME)) {
                return it.hasNext() ? it.next() : null;
            }
        });
    }

    /** The service's incidents, open and resolved, oldest first. */
    List<IncidentSummary> incidents(String service) {
        return read(() -> {
            List<IncidentSummary> incidents = new ArrayList<>();
            try (KeyValueIterator<String, IncidentSummary> it = incidentStore()
                    .prefixScan(IncidentSummary.keyPrefix(service), new StringSerializer())) {
                it.forEachRemaining(entry -> incidents.add(entry.value));
            }
            return incidents;
        });
    }

    /** Every incident this instance holds. */
    List<IncidentSummary> allIncidents() {
        return read(() -> {
            List<IncidentSummary> incidents = new ArrayList<>();
            try (KeyValueIterator<String, IncidentSummary> it = incidentStore().all()) {
                it.forEachRemaining(entry -> incidents.add(entry.value));
            }
            return incidents;
        });
    }

    private ReadOnlyWindowStore<String, JudgedWindow> windowStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(Names.STORE_WINDOW_HISTORY,
                QueryableStoreTypes.<String, JudgedWindow>windowStore()));
    }

    private ReadOnlyKeyValueStore<String, IncidentSummary> incidentStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(Names.STORE_INCIDENT_HISTORY,
                QueryableStoreTypes.<String, IncidentSummary>keyValueStore()));
    }

    /** Also thrown midway through a scan when a rebalance moves a partition away: worth a retry. */
    private <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("the history is not queryable right now (" + streams.state() + "): "
                    + e.getMessage());
        }
    }
}
