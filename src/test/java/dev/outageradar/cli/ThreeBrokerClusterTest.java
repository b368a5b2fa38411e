package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.broker.KafkaCluster;
import dev.outageradar.topology.Names;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production layout: three brokers, every topic (the application's and Kafka Streams' internal ones)
 * with three replicas of which two must have each write. The broker coordinating the application's group
 * stops in the middle of an outage, while posts flow, and stays down: processing goes on, and every alert
 * arrives exactly once.
 */
@Tag("integration")
@Timeout(300)
class ThreeBrokerClusterTest {

    private static final String APPLICATION_ID = "outage-radar";

    private static KafkaCluster cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void startTheCluster() {
        cluster = KafkaCluster.start(3);
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void withOneOfThreeBrokersStoppedProcessingGoesOnAndEveryAlertArrivesExactlyOnce() {
        Map<String, String> settings = new LinkedHashMap<>(FaultOutcome.settings(cluster.bootstrapServers(),
                temp.resolve("state")));
        settings.put("topic.replication.factor", "3");
        FaultOutcome.expectedAlerts(temp);

        try (RadarProcess app = RadarProcess.start(settings);
             FeedPlayer feed = new FeedPlayer(cluster.bootstrapServers()).start()) {
            String changelog = APPLICATION_ID + "-" + Names.STORE_SERVICE_STATE + "-changelog";
            for (String topic : List.of(Names.DEFAULT_POSTS_TOPIC, Names.DEFAULT_ALERTS_TOPIC, changelog)) {
                assertThat(describe(topic).partitions()).as(topic)
                        .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
                assertThat(config(topic).get("min.insync.replicas").value()).as(topic).isEqualTo("2");
            }
            FaultOutcome.awaitSuspected(cluster);
            int coordinator = get(cluster.admin().describeConsumerGroups(List.of(APPLICATION_ID)).all())
                    .get(APPLICATION_ID).coordinator().id();

            cluster.stopBroker(coordinator);
            feed.release();

            feed.awaitAllSent(FaultOutcome.DEADLINE);
            FaultOutcome.assertAlertsExactlyOnce(cluster, temp);
            assertThat(describe(Names.DEFAULT_ALERTS_TOPIC).partitions()).as("the stopped broker is still out")
                    .allSatisfy(partition -> assertThat(partition.isr()).hasSize(2));
            assertThat(app.get("/health").statusCode()).as("Kafka Streams RUNNING").isEqualTo(200);
            assertThat(app.terminate()).isEqualTo(143);
        }
    }

    private static TopicDescription describe(String topic) {
        return get(cluster.admin().describeTopics(List.of(topic)).allTopicNames()).get(topic);
    }

    private static Config config(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return get(cluster.admin().describeConfigs(List.of(resource)).all()).get(resource);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
