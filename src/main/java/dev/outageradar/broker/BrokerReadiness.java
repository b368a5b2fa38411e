package dev.outageradar.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.outageradar.broker.AdminFutures.await;

/**
 * Proves a fresh broker serves what outage-radar needs, through the same protocol its clients use.
 *
 * <p>A started broker is not yet a usable one: the consumer-offsets and transaction-state topics are only
 * created, and their coordinators only loaded, when a client first looks a coordinator up. Kafka Streams
 * under exactly_once_v2 needs both, so both are looked up here, with an id nobody uses; the admin client
 * retries while a coordinator is still loading.
 */
final class BrokerReadiness {

    private static final String PROBE_ID = "outage-radar-readiness-probe";

    private BrokerReadiness() {
    }

    /** @param clientSettings how to connect (security), beyond the address */
    static void waitUntilServing(String bootstrapServers, Map<String, Object> clientSettings, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, PROBE_ID);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            await(admin.describeCluster().nodes());
            await(admin.listConsumerGroupOffsets(PROBE_ID).partitionsToOffsetAndMetadata());
            try {
                await(admin.describeTransactions(List.of(PROBE_ID)).all());
            } catch (TransactionalIdNotFoundException expected) {
                // The transaction coordinator answered: it is loaded and knows no such id.
            }
        }
    }
}
