package dev.outageradar.cli;

import dev.outageradar.config.ApiSettings;
import dev.outageradar.config.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The configuration of a benchmark's own instance of the app on a throw-away broker: the user's settings,
 * but its own application id, a fresh state directory (a stale one would hold offsets from an earlier
 * broker), the generated catalog, no query API (its port and threads are not what is measured) and one
 * replica, as the embedded broker is a single node.
 */
final class BenchApp {

    private BenchApp() {
    }

    static AppConfig config(AppConfig base, String bootstrap, Path catalog, String applicationId, Path stateDir,
                            String guarantee) {
        Map<String, String> kafka = new HashMap<>(base.kafka());
        kafka.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        return new AppConfig(Optional.of(bootstrap), applicationId, base.partitions(), (short) 1, catalog, stateDir,
                base.embeddedDataDir(), base.topology(), Map.copyOf(kafka),
                new ApiSettings(false, ApiSettings.DEFAULT_BIND, 0), base.logFormat());
    }

    /** Under the bench's own folder: Kafka Streams warns that the OS may clear a state dir in the temp folder. */
    static Path freshStateDir(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
