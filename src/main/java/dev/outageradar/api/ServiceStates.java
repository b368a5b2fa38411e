package dev.outageradar.api;

import dev.outageradar.detect.SeasonalBaseline;
import dev.outageradar.detect.ServiceState;
import dev.outageradar.topology.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries of the detector's per-service state. The store is partitioned by service like the
 * repartition topic before the detector, so this instance holds only some services: {@link #owner} says
 * which instance holds one, {@link #instances} lists every instance holding a part.
 * Only active (not standby) copies are read, so an answer is never staler than the detector itself.
 */
final class ServiceStates {

    private final KafkaStreams streams;
    private final HostInfo self;

    ServiceStates(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    boolean isSelf(HostInfo host) {
        return self.equals(host);
    }

    /** The instance whose active task holds this service's state. */
    HostInfo owner(String service) {
        KeyQueryMetadata metadata = runningOrUnavailable(() -> streams.queryMetadataForKey(Names.STORE_SERVICE_STATE,
                service, Serdes.String().serializer()));
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw ApiException.unavailable("no instance holds the state of \"" + service
                    + "\" right now (starting or rebalancing); retry");
        }
        return metadata.activeHost();
    }

    /**
     * Kafka Streams answers metadata questions only while running or rebalancing; before it started, and
     * after it stopped or failed, the state cannot be read: a 503, like a rebalance, not a 500.
     */
    private <T> T runningOrUnavailable(Supplier<T> question) {
        try {
            return question.get();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // StreamsNotStartedException before the start, IllegalStateException after the stop.
            throw ApiException.unavailable("the state cannot be read: Kafka Streams is " + streams.state());
        }
    }

    /** Every instance that holds a part of the state, this one included. */
    List<HostInfo> instances() {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata metadata : runningOrUnavailable(() -> streams.streamsMetadataForStore(
                Names.STORE_SERVICE_STATE))) {
            hosts.add(metadata.hostInfo());
        }
        if (hosts.isEmpty()) {
            throw ApiException.unavailable("no instance holds the service state right now (starting or rebalancing); retry");
        }
        return hosts;
    }

    Optional<ServiceState<SeasonalBaseline.State>> local(String service) {
        try {
            return Optional.ofNullable(store().get(service));
        } catch (InvalidStateStoreException e) {
            throw notQueryable(e);
        }
    }

    List<ServiceState<SeasonalBaseline.State>> allLocal() {
        List<ServiceState<SeasonalBaseline.State>> states = new ArrayList<>();
        try (KeyValueIterator<String, ServiceState<SeasonalBaseline.State>> all = store().all()) {
            all.forEachRemaining(entry -> states.add(entry.value));
        } catch (InvalidStateStoreException e) {
            // Also thrown midway when a rebalance moves a partition away during the scan.
            throw notQueryable(e);
        }
        return states;
    }

    private ReadOnlyKeyValueStore<String, ServiceState<SeasonalBaseline.State>> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(Names.STORE_SERVICE_STATE,
                QueryableStoreTypes.<String, ServiceState<SeasonalBaseline.State>>keyValueStore()));
    }

    private ApiException notQueryable(InvalidStateStoreException e) {
        return ApiException.unavailable("the service state is not queryable right now (" + streams.state() + "): "
                + e.getMessage());
    }
}
