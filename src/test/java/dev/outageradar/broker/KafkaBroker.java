package dev.outageradar.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real Kafka broker for a whole test class, started before its first test and stopped after its last:
 * <pre>{@code
 * @Tag("integration")
 * class PostsIntegrationTest {
 *     @RegisterExtension
 *     static final KafkaBroker kafka = new KafkaBroker();
 *
 *     @Test
 *     void echoesAPost() {
 *         String posts = kafka.uniqueName("posts");
 *         kafka.createTopics(1, posts);
 *         kafka.produce(posts, List.of(KeyValue.pair("k", "v")));
 *         assertThat(kafka.consume(posts, 1, Duration.ofSeconds(10), false)).hasSize(1);
 *     }
 * }
 * }</pre>
 * Tests share the broker, so each works on its own topics, groups and transactional ids ({@link #uniqueName}).
 */
public final class KafkaBroker extends KafkaTestClients implements BeforeAllCallback, AfterAllCallback {

    private final AtomicInteger names = new AtomicInteger();
    private EmbeddedKafkaBroker broker;
    private Admin admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.startTemporary();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try (EmbeddedKafkaBroker stopping = broker) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** An admin client on the broker, shared by the class: do not close it. */
    public Admin admin() {
        return admin;
    }

    /** {@code prefix-N}, different on every call within the class. */
    public String uniqueName(String prefix) {
        return prefix + "-" + names.incrementAndGet();
    }
}
