package dev.outageradar.broker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.outageradar.config.ConfigException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("integration")
@Timeout(120)
class TopicProvisionerTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private final Logger provisionerLog = (Logger) LoggerFactory.getLogger(TopicProvisioner.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        provisionerLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        provisionerLog.detachAppender(logged);
    }

    @Test
    void missingTopicsAreCreatedWithTheRequestedPartitionsAndConfigs() {
        String posts = kafka.uniqueName("posts");
        String counts = kafka.uniqueName("counts");

        List<String> created = TopicProvisioner.ensure(kafka.admin(), List.of(
                new NewTopic(posts, 3, (short) 1),
                new NewTopic(counts, 2, (short) 1).configs(Map.of("cleanup.policy", "compact"))));

        assertThat(created).containsExactly(posts, counts);
        assertThat(partitionCount(posts)).isEqualTo(3);
        assertThat(partitionCount(counts)).isEqualTo(2);
        assertThat(topicConfig(counts).get("cleanup.policy").value()).isEqualTo("compact");
    }

    @Test
    void existingTopicsAreLeftAsTheyAreAndNotReported() {
        String posts = kafka.uniqueName("posts");
        kafka.createTopics(2, posts);

        List<String> created = TopicProvisioner.ensure(kafka.admin(), List.of(new NewTopic(posts, 2, (short) 1)));

        assertThat(created).isEmpty();
        assertThat(partitionCount(posts)).isEqualTo(2);
        assertThat(logged.list).isEmpty();
    }

    @Test
    void anExistingTopicWithOtherPartitionsIsKeptAndReportedInOneWarning() {
        String posts = kafka.uniqueName("posts");
        kafka.createTopics(2, posts);

        List<String> created = TopicProvisioner.ensure(kafka.admin(), List.of(new NewTopic(posts, 6, (short) 1)));

        assertThat(created).isEmpty();
        assertThat(partitionCount(posts)).isEqualTo(2);
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).hasToString("WARN");
            assertThat(event.getFormattedMessage()).isEqualTo("Topic '" + posts + "' has 2 partitions, not the"
                    + " configured 6; it is used as it is (changing a topic's partitions re-routes its keys)");
        });
    }

    @Test
    void aTopicAnotherInstanceCreatedMeanwhileCountsAsExisting() {
        String posts = kafka.uniqueName("posts");
        String alerts = kafka.uniqueName("alerts");

        List<String> created;
        try (Admin losingTheRace = new OtherInstanceCreatesFirst(kafka.bootstrapServers())) {
            created = TopicProvisioner.ensure(losingTheRace, List.of(new NewTopic(posts, 1, (short) 1),
                    new NewTopic(alerts, 1, (short) 1)));
        }

        assertThat(created).isEmpty();
        assertThat(KafkaTestClients.get(kafka.admin().listTopics().names())).contains(posts, alerts);
    }

    @Test
    void moreReplicasThanBrokersAreRefusedWithAMessageNamingTopicFactorAndBrokers() {
        String posts = kafka.uniqueName("posts");

        assertThatThrownBy(() -> TopicProvisioner.ensure(kafka.admin(), List.of(new NewTopic(posts, 1, (short) 3))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Topic '" + posts + "' needs replication factor 3 but the cluster has 1 broker:"
                        + " set topic.replication.factor to at most 1");
        assertThat(KafkaTestClients.get(kafka.admin().listTopics().names())).doesNotContain(posts);
    }

    @Test
    void aTopicConfigTheClusterRejectsIsRefusedWithTheClustersReason() {
        String counts = kafka.uniqueName("counts");
        NewTopic badPolicy = new NewTopic(counts, 1, (short) 1).configs(Map.of("cleanup.policy", "sometimes"));

        assertThatThrownBy(() -> TopicProvisioner.ensure(kafka.admin(), List.of(badPolicy)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("The cluster refused to create topic '" + counts + "': ")
                .hasMessageContaining("sometimes");
        assertThat(KafkaTestClients.get(kafka.admin().listTopics().names())).doesNotContain(counts);
    }

    private static int partitionCount(String topic) {
        Map<String, TopicDescription> topics =
                KafkaTestClients.get(kafka.admin().describeTopics(List.of(topic)).allTopicNames());
        return topics.get(topic).partitions().size();
    }

    private static Config topicConfig(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return KafkaTestClients.get(kafka.admin().describeConfigs(List.of(resource)).all()).get(resource);
    }

    /** An admin client whose topics another instance creates between the listing and the creation. */
    private static final class OtherInstanceCreatesFirst extends ForwardingAdmin {

        OtherInstanceCreatesFirst(String bootstrapServers) {
            super(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }

        @Override
        public CreateTopicsResult createTopics(Collection<NewTopic> topics, CreateTopicsOptions options) {
            KafkaTestClients.get(kafka.admin().createTopics(topics).all());
            return super.createTopics(topics, options);
        }
    }
}
