package dev.outageradar.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a running {@code outage-radar run} tells other commands on this machine the address of its embedded
 * broker (which listens on a port picked at start): {@code replay} in a second terminal finds it here without
 * being told. Written when the broker is up, deleted when it stops.
 */
public final class BrokerAddressFile {

    static final String NAME = "bootstrap.servers";

    private BrokerAddressFile() {
    }

    public static void write(Path dataDir, String bootstrapServers) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(NAME), bootstrapServers + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Only a convenience for other commands: the broker itself is fine.
        }
    }

    public static Optional<String> read(Path dataDir) {
        try {
            String text = Files.readString(dataDir.resolve(NAME), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(NAME));
        } catch (IOException e) {
            // A stale file is caught by the reader failing to connect.
        }
    }
}
