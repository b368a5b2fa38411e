package dev.outageradar.replay;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A topology run offline by Kafka Streams' TopologyTestDriver, its state in a scratch folder that goes with
 * it: how the backtest and the benchmark drive the production graph without a broker.
 */
public final class OfflineDriver implements AutoCloseable {

    private final ScratchDir stateDir;
    private final TopologyTestDriver driver;

    private OfflineDriver(ScratchDir stateDir, TopologyTestDriver driver) {
        this.stateDir = stateDir;
        this.driver = driver;
    }

    public static OfflineDriver of(Topology topology, String applicationId) {
        ScratchDir stateDir = ScratchDir.create(applicationId);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.path().toString());
        // As the live app: the handler's future default, and no warning about it on every run.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        try {
            return new OfflineDriver(stateDir, new TopologyTestDriver(topology, props));
        } catch (RuntimeException e) {
            stateDir.close();
            throw e;
        }
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            stateDir.close();
        }
    }
}
