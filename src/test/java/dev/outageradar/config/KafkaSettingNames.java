package dev.outageradar.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The names Kafka itself defines, from the 4.3.1 jars on the classpath: what a {@code kafka.*} setting of
 * outage-radar (passed to Kafka Streams and its clients without the prefix) or a broker setting may be.
 * The loader lets any {@code kafka.*} key through and Kafka only logs a warning for a name it does not
 * know, so a misspelt one would be lost without these checks.
 */
final class KafkaSettingNames {

    private static final Set<String> CLIENT_AND_STREAMS = union(StreamsConfig.configDef().names(),
            ProducerConfig.configNames(), ConsumerConfig.configNames(), AdminClientConfig.configNames());

    /** Streams' prefixes that address one of its clients, or the internal topics it creates. */
    private static final Map<String, Set<String>> PREFIXED = Map.of(
            StreamsConfig.PRODUCER_PREFIX, ProducerConfig.configNames(),
            StreamsConfig.CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.MAIN_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.RESTORE_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.ADMIN_CLIENT_PREFIX, AdminClientConfig.configNames(),
            StreamsConfig.TOPIC_PREFIX, topicConfigNames());

    private KafkaSettingNames() {
    }

    /** A Kafka Streams, producer, consumer or admin client setting, bare or behind one of Streams' prefixes. */
    static boolean isClientOrStreamsSetting(String name) {
        return CLIENT_AND_STREAMS.contains(name) || PREFIXED.entrySet().stream()
                .anyMatch(p -> name.startsWith(p.getKey()) && p.getValue().contains(name.substring(p.getKey().length())));
    }

    /** A setting of the broker (server.properties). */
    static boolean isBrokerSetting(String name) {
        return AbstractKafkaConfig.CONFIG_DEF.names().contains(name);
    }

    /** TopicConfig has no list of its names, only constants. */
    private static Set<String> topicConfigNames() {
        Set<String> names = new HashSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        Arrays.stream(sets).forEach(all::addAll);
        return Set.copyOf(all);
    }
}
