package dev.outageradar.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real KRaft cluster of one controller and {@code n} brokers inside the test's JVM, whose brokers a test
 * can stop and start again: a restarted broker keeps its data and its listener port (the test kit binds
 * each port once and rebinds the same one), so clients that knew its address reconnect by themselves.
 *
 * <p>The controller is a node of its own, so stopping a broker never touches the metadata quorum. With
 * three brokers or more, a write to any topic needs two in-sync replicas and the group and transaction
 * logs have three (the production settings exactly-once wants); with fewer, everything has the
 * single-broker settings of {@link EmbeddedKafkaBroker}. Other topics get the replication factor their
 * creator asks for (the application's topic.replication.factor).
 */
public final class KafkaCluster extends KafkaTestClients implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final Admin admin;

    private KafkaCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers()));
    }

    public static KafkaCluster start(int brokers) {
        String replicas = String.valueOf(Math.min(brokers, 3));
        String minInSync = brokers >= 3 ? "2" : "1";
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(false)
                    .setNumControllerNodes(1)
                    .setNumBrokerNodes(brokers)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("min.insync.replicas", minInSync)
                    .setConfigProp("offsets.topic.replication.factor", replicas)
                    .setConfigProp("transaction.state.log.replication.factor", replicas)
                    .setConfigProp("transaction.state.log.min.isr", minInSync)
                    // As few internal partitions as the embedded broker: they load in milliseconds.
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024))
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            // Ready brokers may not serve a group or a transaction yet: prove they do, as the embedded broker does.
            BrokerReadiness.waitUntilServing(kit.bootstrapServers(), Map.of(), Duration.ofSeconds(60));
            return new KafkaCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a cluster of " + brokers + " brokers", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** An admin client on the cluster, shared: do not close it. */
    public Admin admin() {
        return admin;
    }

    public Set<Integer> brokerIds() {
        return new TreeSet<>(kit.brokers().keySet());
    }

    /** Stops the broker cleanly (its partitions move their leadership elsewhere first); its data stays. */
    public void stopBroker(int id) {
        BrokerServer broker = broker(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a stopped broker again, on its data and its port. Returns once it has started up. */
    public void startBroker(int id) {
        broker(id).startup();
    }

    private BrokerServer broker(int id) {
        BrokerServer broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + " in " + brokerIds());
        }
        return broker;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        try {
            kit.close();
        } catch (Exception e) {
            throw new IllegalStateException("the cluster did not stop cleanly", e);
        }
    }
}
