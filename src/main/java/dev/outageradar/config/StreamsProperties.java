package dev.outageradar.config;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties of a run: safe defaults first (exactly-once, an explicit state directory,
 * internal topics replicated like ours), then every {@code kafka.*} setting, which wins.
 */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    public static Properties of(AppConfig config, String bootstrapServers) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(config.replicationFactor()));
        // The 5.0 default, set now: Streams warns at every start while it is off.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.putAll(config.kafka());
        return props;
    }

    /** Properties for plain clients (admin, producer, consumer) of the same cluster: the kafka.* settings
     * that are not Streams-only, such as security. */
    public static Properties clientsOf(AppConfig config, String bootstrapServers) {
        Properties props = new Properties();
        config.kafka().forEach((key, value) -> {
            if (!StreamsConfig.configDef().names().contains(key) || isClientSetting(key)) {
                props.put(key, value);
            }
        });
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    private static boolean isClientSetting(String key) {
        return key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")
                || key.equals("client.dns.lookup");
    }
}
