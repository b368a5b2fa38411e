package dev.outageradar.cli;

import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigKeys;
import dev.outageradar.config.ConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration flags every command that talks to Kafka shares. */
final class ConfigOptions {

    static final Path DEFAULT_CONFIG = Path.of("config/application.properties");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (default: ${DEFAULT-VALUE}).", defaultValue = "config/application.properties")
    Path file = DEFAULT_CONFIG;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Use this Kafka cluster instead of the embedded broker (env: OUTAGE_RADAR_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any configuration key, e.g. --set window.size=5m (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    AppConfig load() {
        Map<String, String> flags = new LinkedHashMap<>(overrides);
        if (bootstrapServers != null) {
            flags.put(ConfigKeys.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        // The default file is optional so the jar also runs outside the repository; a named one is not.
        AppConfig config = ConfigLoader.load(file, file.equals(DEFAULT_CONFIG), System.getenv(), flags);
        LogOutput.use(config.logFormat());
        return config;
    }
}
