package dev.outageradar.broker;

import dev.outageradar.config.ConfigException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.outageradar.broker.AdminFutures.await;

/**
 * Makes sure the topics outage-radar reads and writes exist before Kafka Streams starts (the embedded broker,
 * like a careful production cluster, does not create topics on first use).
 *
 * <p>Existing topics are left as they are: changing a topic's partition count re-routes keys and breaks the
 * windows already counted, so a mismatch is only reported. Several instances may start at once; a topic
 * another instance created first counts as existing.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /**
     * Creates the topics that do not exist yet.
     *
     * @return the names of the topics this call created, in the order given
     * @throws ConfigException when the cluster refuses a topic as requested (too many replicas, a bad config)
     */
    public static List<String> ensure(Admin admin, Collection<NewTopic> topics) {
        Set<String> existing = await(admin.listTopics().names());
        List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
        Map<String, KafkaFuture<Void>> results = missing.isEmpty() ? Map.of() : admin.createTopics(missing).values();

        List<String> created = new ArrayList<>();
        List<NewTopic> present = new ArrayList<>(topics.stream().filter(t -> existing.contains(t.name())).toList());
        for (NewTopic topic : missing) {
            try {
                await(results.get(topic.name()));
                created.add(topic.name());
            } catch (TopicExistsException e) {
                present.add(topic);
            } catch (InvalidReplicationFactorException e) {
                throw tooManyReplicas(admin, topic, e);
            } catch (InvalidPartitionsException | InvalidConfigurationException | PolicyViolationException e) {
                throw new ConfigException("The cluster refused to create topic '" + topic.name() + "': "
                        + e.getMessage(), e);
            }
        }
        warnAboutPartitionMismatches(admin, present);
        if (!created.isEmpty()) {
            log.info("Created topics {}", created);
        }
        return List.copyOf(created);
    }

    private static ConfigException tooManyReplicas(Admin admin, NewTopic topic, Exception cause) {
        int brokers = await(admin.describeCluster().nodes()).size();
        String factor = topic.replicationFactor() > 0 ? String.valueOf(topic.replicationFactor())
                : "(the cluster's default.replication.factor)";
        return new ConfigException("Topic '" + topic.name() + "' needs replication factor " + factor
                + " but the cluster has " + brokers + " broker" + (brokers == 1 ? "" : "s")
                + ": set topic.replication.factor to at most " + brokers, cause);
    }

    private static void warnAboutPartitionMismatches(Admin admin, List<NewTopic> present) {
        List<NewTopic> withCount = present.stream().filter(t -> t.numPartitions() > 0).toList();
        if (withCount.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<TopicDescription>> descriptions =
                admin.describeTopics(withCount.stream().map(NewTopic::name).toList()).topicNameValues();
        for (NewTopic wanted : withCount) {
            int actual;
            try {
                actual = await(descriptions.get(wanted.name())).partitions().size();
            } catch (UnknownTopicOrPartitionException e) {
                // Created by another instance a moment ago and not yet known to the broker we asked.
                log.debug("Cannot check the partitions of topic '{}' yet: {}", wanted.name(), e.getMessage());
                continue;
            }
            if (actual != wanted.numPartitions()) {
                log.warn("Topic '{}' has {} partitions, not the configured {}; it is used as it is "
                        + "(changing a topic's partitions re-routes its keys)", wanted.name(), actual,
                        wanted.numPartitions());
            }
        }
    }
}
