package dev.outageradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.topology.HistorySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path temp;

    private Path file(String content) throws IOException {
        Path file = temp.resolve("app.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void shippedConfigurationLoadsWithTheDocumentedDefaults() {
        AppConfig config = ConfigLoader.load(Path.of("config/application.properties"), false, Map.of(), Map.of());

        assertThat(config.bootstrapServers()).isEmpty();
        assertThat(config.applicationId()).isEqualTo("outage-radar");
        assertThat(config.topology().topics().all()).containsExactly("posts", "posts.dlq", "outage-alerts",
                "service-counts");
        assertThat(config.topology().windowSize()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.topology().grace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.topology().maxTextLength()).isEqualTo(4_000);
        assertThat(config.topology().maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.topology().detector().minCount()).isEqualTo(10);
        assertThat(config.kafka()).containsEntry("processing.guarantee", "exactly_once_v2");
        assertThat(config.api()).isEqualTo(new ApiSettings(true, "127.0.0.1", 8080));
        assertThat(config.topology().history())
                .isEqualTo(new HistorySettings(Duration.ofHours(25), Duration.ofDays(7)));
    }

    @Test
    void historyRetentionsAreDurationsAndTheWindowHistoryHoldsAtLeastOneWindow() {
        AppConfig config = ConfigLoader.load(temp.resolve("none"), true,
                Map.of("OUTAGE_RADAR_HISTORY_INCIDENT_RETENTION", "30d"), Map.of("history.window.retention", "48h"));

        assertThat(config.topology().history())
                .isEqualTo(new HistorySettings(Duration.ofHours(48), Duration.ofDays(30)));
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("window.size", "5m", "history.window.retention", "2m")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("history.window.retention=\"2m\" (--set history.window.retention) is invalid: expected "
                        + "a duration of at least window.size (PT5M)");
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("history.incident.retention", "forever")))
                .hasMessage("history.incident.retention=\"forever\" (--set history.incident.retention) is invalid: "
                        + "expected a positive duration such as 500ms, 30s, 1m, 6h, 1d or PT1M");
    }

    @Test
    void queryApiCanMoveToAnyPortOrBeTurnedOffAndRejectsAPortOutOfRange() {
        AppConfig anyPort = ConfigLoader.load(temp.resolve("none"), true, Map.of("OUTAGE_RADAR_API_PORT", "0"),
                Map.of("api.bind", "0.0.0.0"));
        AppConfig off = ConfigLoader.load(temp.resolve("none"), true, Map.of(), Map.of("api.enabled", "false"));

        assertThat(anyPort.api()).isEqualTo(new ApiSettings(true, "0.0.0.0", 0));
        assertThat(off.api().enabled()).isFalse();
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("api.port", "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("api.port=\"70000\" (--set api.port) is invalid: expected a port from 0 to 65535 "
                        + "(0 picks a free one)");
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("api.enabled", "yes")))
                .hasMessage("api.enabled=\"yes\" (--set api.enabled) is invalid: expected true or false");
    }

    @Test
    void logsAreTextUnlessJsonIsAskedForAndAnyOtherFormatIsRefused() {
        AppConfig plain = ConfigLoader.load(temp.resolve("none"), true, Map.of(), Map.of());
        AppConfig json = ConfigLoader.load(temp.resolve("none"), true, Map.of("OUTAGE_RADAR_LOG_FORMAT", "json"), Map.of());

        assertThat(plain.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(json.logFormat()).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(), Map.of("log.format", "xml")))
                .hasMessage("log.format=\"xml\" (--set log.format) is invalid: expected text or json");
    }

    @Test
    void environmentOverridesTheFileAndFlagsOverrideBoth() throws IOException {
        Path file = file("window.size=1m\ntopic.posts=from-file\napplication.id=from-file\n");
        Map<String, String> env = Map.of(
                "OUTAGE_RADAR_WINDOW_SIZE", "5m",
                "OUTAGE_RADAR_TOPIC_POSTS", "from-env",
                "OUTAGE_RADAR_KAFKA_NUM_STREAM_THREADS", "4",
                "PATH", "/usr/bin");

        AppConfig config = ConfigLoader.load(file, false, env, Map.of("topic.posts", "from-flag",
                "bootstrap.servers", "kafka:9092"));

        assertThat(config.topology().windowSize()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.topology().topics().posts()).isEqualTo("from-flag");
        assertThat(config.applicationId()).isEqualTo("from-file");
        assertThat(config.bootstrapServers()).isEqualTo(Optional.of("kafka:9092"));
        assertThat(config.kafka()).containsEntry("num.stream.threads", "4");
    }

    @Test
    void thePagerDutyRoutingKeyVariableIsLeftToTheAlertsCommandNotRefusedAsAnUnknownSetting() {
        AppConfig config = ConfigLoader.load(temp.resolve("none"), true,
                Map.of("OUTAGE_RADAR_PAGERDUTY_ROUTING_KEY", "R0uting", "OUTAGE_RADAR_APPLICATION_ID", "from-env"), Map.of());

        assertThat(config.applicationId()).isEqualTo("from-env");
        assertThat(config.toString()).doesNotContain("R0uting");
    }

    @Test
    void unknownKeyIsAnErrorNamingIt() throws IOException {
        Path file = file("window.sise=1m\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, false, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": unknown key \"window.sise\" (known keys: bootstrap.servers");
    }

    @Test
    void unknownEnvironmentVariableWithOurPrefixIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true,
                Map.of("OUTAGE_RADAR_WINDOW_SISE", "1m"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment variable OUTAGE_RADAR_WINDOW_SISE is not a known setting");
    }

    @Test
    void badValueNamesKeyValueOriginAndWhatIsAllowed() {
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true,
                Map.of("OUTAGE_RADAR_TOPIC_PARTITIONS", "three"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("topic.partitions=\"three\" (environment OUTAGE_RADAR_TOPIC_PARTITIONS) is invalid: "
                        + "expected a whole number from 1 to 2147483647");
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("window.size", "soon")))
                .hasMessage("window.size=\"soon\" (--set window.size) is invalid: expected a positive duration such "
                        + "as 500ms, 30s, 1m, 6h, 1d or PT1M");
    }

    @Test
    void theFutureSkewOfPostsIsAPositiveDurationOfAtMostAnHour() {
        AppConfig config = ConfigLoader.load(temp.resolve("none"), true,
                Map.of("OUTAGE_RADAR_POST_MAX_FUTURE_SKEW", "90s"), Map.of());

        assertThat(config.topology().maxFutureSkew()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("post.max.future.skew", "0s")))
                .hasMessage("post.max.future.skew=\"0s\" (--set post.max.future.skew) is invalid: expected a positive"
                        + " duration such as 500ms, 30s, 1m, 6h, 1d or PT1M");
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("post.max.future.skew", "2h")))
                .hasMessage("post.max.future.skew=\"2h\" (--set post.max.future.skew) is invalid: expected a positive"
                        + " duration of at most 1h (a broker refuses record times further ahead)");
    }

    @Test
    void inconsistentDetectorSettingsAreRejected() {
        assertThatThrownBy(() -> ConfigLoader.load(temp.resolve("none"), true, Map.of(),
                Map.of("detector.resolve.ratio", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("detector settings: resolve ratio must be between 1 and min ratio");
    }

    @Test
    void missingNamedFileIsAnError() {
        Path missing = temp.resolve("missing.properties");

        assertThatThrownBy(() -> ConfigLoader.load(missing, false, Map.of(), Map.of()))
                .hasMessage("configuration file not found: " + missing);
    }

    @Test
    void durationsReadInShortAndIsoForms() {
        assertThat(ConfigLoader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigLoader.parseDuration("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(ConfigLoader.parseDuration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThat(ConfigLoader.parseDuration("0")).isEqualTo(Duration.ZERO); // "off", without a unit
        assertThat(ConfigLoader.parseDuration("1 fortnight")).isNull();
    }
}
