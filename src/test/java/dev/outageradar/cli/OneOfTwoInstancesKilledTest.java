package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.topology.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances of one application (same application.id, one standby replica of each store): the second
 * to start takes a share of the three-partition posts topic from the first; one is then killed with
 * SIGKILL in the middle of an outage while posts flow. The other takes over all of its partitions and
 * every alert still arrives exactly once.
 */
@Tag("integration")
@Timeout(300)
class OneOfTwoInstancesKilledTest {

    private static final Logger LOG = LoggerFactory.getLogger(OneOfTwoInstancesKilledTest.class);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final String APPLICATION_ID = "outage-radar";
    private static final String REPARTITION_TOPIC = APPLICATION_ID + "-" + Names.REPARTITION_BY_SERVICE + "-repartition";

    @TempDir
    Path temp;

    @Test
    void theSurvivorTakesOverTheKilledInstancesPartitionsFromItsStandbyAndNoAlertIsLostOrRepeated() {
        FaultOutcome.expectedAlerts(temp);

        Set<TopicPartition> everyPartition = everyPartitionOf(Names.DEFAULT_POSTS_TOPIC, REPARTITION_TOPIC);
        try (RadarProcess first = RadarProcess.start(settings("first"));
             RadarProcess second = startAfterChecking(first, everyPartition);
             FeedPlayer feed = new FeedPlayer(KAFKA.bootstrapServers()).start()) {
            Map<String, Set<TopicPartition>> shared = awaitAssignment(2);
            assertThat(shared).as("the instance that joined got a share")
                    .containsOnlyKeys(first.consumerClientId(), second.consumerClientId());
            FaultOutcome.awaitSuspected(KAFKA);
            // The instance reading spotify's posts is killed in the middle of spotify's outage.
            boolean firstReadsSpotify = shared.get(first.consumerClientId())
                    .contains(new TopicPartition(Names.DEFAULT_POSTS_TOPIC, 0));
            RadarProcess victim = firstReadsSpotify ? first : second;
            RadarProcess survivor = firstReadsSpotify ? second : first;
            assertThat(shared.get(survivor.consumerClientId())).as("the survivor had work of its own")
                    .isNotEmpty();
            // Kafka Streams' own gauge, published once the metrics binder has seen it (it looks every minute).
            survivor.awaitBody("/metrics", body -> standbyTasks(body) >= 1, FaultOutcome.DEADLINE);

            assertThat(victim.kill()).isEqualTo(137);
            long killedAt = System.nanoTime();
            feed.release();

            Map<String, Set<TopicPartition>> alone = awaitAssignment(1);
            // Figures for the README, not assertions: how long the takeover took, and how little the standby
            // left to restore.
            LOG.info("The survivor held every partition {} ms after the kill; restored records per store: {}",
                    Duration.ofNanos(System.nanoTime() - killedAt).toMillis(), survivor.restoredRecords());
            assertThat(alone).containsOnlyKeys(survivor.consumerClientId());
            assertThat(alone.get(survivor.consumerClientId())).containsExactlyInAnyOrderElementsOf(everyPartition);
            feed.awaitAllSent(FaultOutcome.DEADLINE);
            FaultOutcome.assertAlertsExactlyOnce(KAFKA, temp);
            assertThat(survivor.terminate()).isEqualTo(143);
        }
    }

    /** The second instance, once the first one, alone, holds every partition. */
    private RadarProcess startAfterChecking(RadarProcess first, Set<TopicPartition> everyPartition) {
        assertThat(awaitAssignment(1)).as("alone, the first instance does all the work")
                .containsOnlyKeys(first.consumerClientId())
                .hasEntrySatisfying(first.consumerClientId(), partitions -> assertThat(partitions)
                        .containsExactlyInAnyOrderElementsOf(everyPartition));
        return RadarProcess.start(settings("second"));
    }

    /** The stream thread's standby tasks, as its state updater counts them. */
    private static double standbyTasks(String metrics) {
        return metrics.lines().filter(line -> line.startsWith("kafka_stream_state_updater_standby_updating_tasks{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private Map<String, String> settings(String instance) {
        Map<String, String> settings = new LinkedHashMap<>(FaultOutcome.settings(KAFKA.bootstrapServers(),
                temp.resolve(instance)));
        settings.put("kafka.num.standby.replicas", "1");
        return settings;
    }

    private static Set<TopicPartition> everyPartitionOf(String... topics) {
        return Arrays.stream(topics).flatMap(topic -> IntStream.range(0, FaultFeed.PARTITIONS)
                .mapToObj(p -> new TopicPartition(topic, p))).collect(Collectors.toSet());
    }

    /**
     * The application's consumer group once it is stable with this many members, each holding partitions:
     * main consumer client id to its partitions (of the posts and the repartition topic).
     */
    private static Map<String, Set<TopicPartition>> awaitAssignment(int members) {
        long deadline = System.nanoTime() + FaultOutcome.DEADLINE.toNanos();
        ConsumerGroupDescription group = null;
        while (System.nanoTime() < deadline) {
            group = describeGroup();
            if (group.groupState() == GroupState.STABLE && group.members().size() == members
                    && group.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty())) {
                Map<String, Set<TopicPartition>> assignment = new HashMap<>();
                for (MemberDescription member : group.members()) {
                    assignment.put(member.clientId(), member.assignment().topicPartitions());
                }
                return assignment;
            }
            RadarProcess.sleep(200);
        }
        throw new AssertionError("the group never became stable with " + members + " members: " + group);
    }

    private static ConsumerGroupDescription describeGroup() {
        try {
            return KAFKA.admin().describeConsumerGroups(List.of(APPLICATION_ID)).all().get(30, TimeUnit.SECONDS)
                    .get(APPLICATION_ID);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot describe the group", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
