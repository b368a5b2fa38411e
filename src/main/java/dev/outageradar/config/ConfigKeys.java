package dev.outageradar.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every configuration key the application reads. A key {@code a.b.c} can also be set with the environment
 * variable {@code OUTAGE_RADAR_A_B_C} and the flag {@code --set a.b.c=value}; keys under {@code kafka.}
 * are passed to Kafka Streams and its clients without the prefix.
 */
public final class ConfigKeys {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String APPLICATION_ID = "application.id";
    public static final String TOPIC_POSTS = "topic.posts";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String TOPIC_ALERTS = "topic.alerts";
    public static final String TOPIC_COUNTS = "topic.counts";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String CATALOG = "catalog";
    public static final String WINDOW_SIZE = "window.size";
    public static final String WINDOW_GRACE = "window.grace";
    public static final String POST_MAX_TEXT_LENGTH = "post.max.text.length";
    public static final String POST_MAX_FUTURE_SKEW = "post.max.future.skew";
    public static final String SOURCE_IDLE_TIMEOUT = "source.idle.timeout";
    public static final String STATE_DIR = "state.dir";
    public static final String EMBEDDED_DATA_DIR = "embedded.data.dir";
    public static final String AUTHOR_HORIZON = "author.horizon";
    public static final String API_ENABLED = "api.enabled";
    public static final String API_BIND = "api.bind";
    public static final String API_PORT = "api.port";
    public static final String HISTORY_WINDOW_RETENTION = "history.window.retention";
    public static final String HISTORY_INCIDENT_RETENTION = "history.incident.retention";
    /** A secret: never logged or shown (see Secrets). */
    public static final String API_TOKEN = "api.token";
    /** A file holding the token (a mounted secret), read once at start. */
    public static final String API_TOKEN_FILE = "api.token.file";
    public static final String LOG_FORMAT = "log.format";
    /** Followed by one of {@link DetectorParameters#NAMES}. */
    public static final String DETECTOR_PREFIX = "detector.";

    public static final String KAFKA_PREFIX = "kafka.";
    public static final String ENV_PREFIX = "OUTAGE_RADAR_";
    /** A secret read by the alerts command itself (--routing-key), not a configuration key. */
    public static final String PAGERDUTY_ROUTING_KEY_ENV = ENV_PREFIX + "PAGERDUTY_ROUTING_KEY";
    /** Variables with our prefix that are not settings: the loader leaves them to whoever reads them. */
    public static final List<String> OTHER_ENV = List.of(PAGERDUTY_ROUTING_KEY_ENV);

    public static final List<String> ALL = Stream.concat(
            Stream.of(BOOTSTRAP_SERVERS, APPLICATION_ID, TOPIC_POSTS, TOPIC_DLQ, TOPIC_ALERTS, TOPIC_COUNTS,
                    TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, CATALOG, WINDOW_SIZE, WINDOW_GRACE,
                    POST_MAX_TEXT_LENGTH, POST_MAX_FUTURE_SKEW, SOURCE_IDLE_TIMEOUT, STATE_DIR, EMBEDDED_DATA_DIR,
                    AUTHOR_HORIZON, API_ENABLED, API_BIND, API_PORT, API_TOKEN, API_TOKEN_FILE, LOG_FORMAT,
                    HISTORY_WINDOW_RETENTION, HISTORY_INCIDENT_RETENTION),
            DetectorParameters.NAMES.stream().map(name -> DETECTOR_PREFIX + name)).toList();

    private ConfigKeys() {
    }

    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The key an environment variable sets, or null when it is not one of ours. */
    public static String keyOfEnv(String name) {
        if (!name.startsWith(ENV_PREFIX)) {
            return null;
        }
        for (String key : ALL) {
            if (envName(key).equals(name)) {
                return key;
            }
        }
        String kafkaEnv = ENV_PREFIX + "KAFKA_";
        if (name.startsWith(kafkaEnv) && name.length() > kafkaEnv.length()) {
            return KAFKA_PREFIX + name.substring(kafkaEnv.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }

    public static boolean isKnown(String key) {
        return ALL.contains(key) || key.startsWith(KAFKA_PREFIX) && key.length() > KAFKA_PREFIX.length();
    }
}
