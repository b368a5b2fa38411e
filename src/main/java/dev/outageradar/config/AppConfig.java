package dev.outageradar.config;

import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.topology.TopologySettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The validated configuration of one run: properties file, then environment, then flags, merged by
 * {@link ConfigLoader}.
 *
 * @param bootstrapServers  the cluster to use; empty means "start the embedded broker"
 * @param partitions        partitions of the topics the application creates when they are missing
 * @param replicationFactor replication of those topics and of the internal (changelog, repartition) topics
 * @param kafka             {@code kafka.*} settings passed verbatim to Kafka Streams and its clients
 * @param api               the query API's address, or disabled
 * @param logFormat         how log lines are written
 */
public record AppConfig(Optional<String> bootstrapServers, String applicationId, int partitions,
                        short replicationFactor, Path catalog, Path stateDir, Path embeddedDataDir,
                        TopologySettings topology, Map<String, String> kafka, ApiSettings api, LogFormat logFormat) {

    /** The topology settings with the detector settings the catalog holds for its services. */
    public TopologySettings topologyWith(ServiceCatalog services) {
        return topology.withServiceDetectors(
                CatalogDetectorSettings.resolve(topology.detector(), services, catalog.toString()));
    }

    /**
     * The same configuration with its own application id and state: a throw-away run beside a real one.
     * Its query API takes a free port, so it never collides with the real run's.
     */
    public AppConfig isolated(String newApplicationId, Path newStateDir) {
        return new AppConfig(bootstrapServers, newApplicationId, partitions, replicationFactor, catalog, newStateDir,
                embeddedDataDir, topology, kafka, api.withPort(0), logFormat);
    }

    /** Every setting, with the values of secret ones hidden: safe to log. */
    @Override
    public String toString() {
        return "AppConfig[bootstrapServers=" + bootstrapServers.orElse("(embedded broker)") + ", applicationId="
                + applicationId + ", partitions=" + partitions + ", replicationFactor=" + replicationFactor
                + ", catalog=" + catalog + ", stateDir=" + stateDir + ", embeddedDataDir=" + embeddedDataDir
                + ", topology=" + topology + ", kafka=" + Secrets.shown(kafka) + ", api=" + api + ", logFormat="
                + logFormat + "]";
    }
}
