package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.broker.KafkaCluster;
import dev.outageradar.topology.Names;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only broker stops in the middle of an outage, while posts flow, and comes back on its data and port:
 * the application rides it out by itself, and its alerts are those of the feed without the fault.
 */
@Tag("integration")
@Timeout(300)
class BrokerRestartTest {

    private static KafkaCluster cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void startTheCluster() {
        cluster = KafkaCluster.start(1);
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theAppRecoversByItselfFromABrokerRestartWithTheAlertsOfTheFeedWithoutIt() {
        Map<String, String> settings = FaultOutcome.settings(cluster.bootstrapServers(), temp.resolve("state"));
        FaultOutcome.expectedAlerts(temp);
        int broker = cluster.brokerIds().iterator().next();

        try (RadarProcess app = RadarProcess.start(settings);
             FeedPlayer feed = new FeedPlayer(cluster.bootstrapServers()).start()) {
            FaultOutcome.awaitSuspected(cluster);
            cluster.stopBroker(broker);
            // Posts keep coming: the feed's producer holds them and retries until the broker is back.
            feed.release();
            app.awaitLogLine(line -> line.contains("could not be established"), FaultOutcome.DEADLINE);
            cluster.startBroker(broker);

            feed.awaitAllSent(FaultOutcome.DEADLINE);
            FaultOutcome.assertAlertsExactlyOnce(cluster, temp);
            assertThat(app.get("/health").statusCode()).as("Kafka Streams RUNNING").isEqualTo(200);
            assertThat(app.log()).noneMatch(line -> line.contains("stream thread failed"));
            assertThat(app.terminate()).isEqualTo(143);
        }
    }
}
