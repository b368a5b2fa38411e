package dev.outageradar.broker;

import dev.outageradar.config.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded broker's storage directory: log segments and the KRaft metadata log side by side, with
 * Kafka's {@code meta.properties} saying which cluster and node they belong to.
 *
 * <p>Checks what the user can get wrong before Kafka sees the directory, so that each mistake is one line
 * naming {@code embedded.data.dir} instead of a broker stack trace: a path that cannot be a directory, a
 * directory we may not write, somebody else's files, another Kafka node's data, or a directory a running
 * broker holds.
 */
final class BrokerDataDir {

    static final String KEY = "embedded.data.dir";
    private static final String META_PROPERTIES = "meta.properties";
    /** meta.properties version 1 is KRaft; version 0 was written by ZooKeeper-era brokers. */
    private static final String KRAFT_META_VERSION = "1";
    /** The lock file Kafka itself takes in every log directory. */
    private static final String KAFKA_LOCK = ".lock";

    private BrokerDataDir() {
    }

    /**
     * Creates the directory if needed and tells whether it is already formatted (holds this node's data).
     *
     * @throws ConfigException when the directory cannot serve as the embedded broker's storage
     */
    static boolean prepare(Path dir, int nodeId) {
        createWritable(dir);
        Path meta = dir.resolve(META_PROPERTIES);
        if (!Files.exists(meta)) {
            if (!isEmpty(dir)) {
                throw problem(dir, "is not empty and holds no Kafka data: choose an empty directory or the one"
                        + " the embedded broker used before");
            }
            return false;
        }
        checkSameNode(dir, meta, nodeId);
        checkNotLocked(dir);
        return true;
    }

    private static void createWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw problem(dir, "cannot be created (" + e + "): choose a writable directory");
        }
        if (!Files.isWritable(dir)) {
            throw problem(dir, "is not writable: choose a writable directory");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw problem(dir, "cannot be read (" + e + "): choose a readable directory");
        }
    }

    private static void checkSameNode(Path dir, Path meta, int nodeId) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            props.load(in);
        } catch (IOException e) {
            throw problem(dir, "has an unreadable " + META_PROPERTIES + " (" + e + ")");
        }
        if (!KRAFT_META_VERSION.equals(props.getProperty("version"))
                || !String.valueOf(nodeId).equals(props.getProperty("node.id"))) {
            throw problem(dir, "holds data of another Kafka cluster (" + META_PROPERTIES + ": version="
                    + props.getProperty("version") + ", node.id=" + props.getProperty("node.id")
                    + "; the embedded broker is KRaft node " + nodeId + "): choose an empty directory");
        }
    }

    /** Kafka would fail deep inside its start-up with a stack trace; this says it plainly. */
    private static void checkNotLocked(Path dir) {
        try (FileChannel channel = FileChannel.open(dir.resolve(KAFKA_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dir);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dir);
        } catch (IOException e) {
            throw problem(dir, "cannot be locked (" + e + "): choose a local, writable directory");
        }
    }

    private static ConfigException inUse(Path dir) {
        return problem(dir, "is in use by another running broker: stop it or choose another directory");
    }

    private static ConfigException problem(Path dir, String what) {
        return new ConfigException(KEY + " '" + dir + "' " + what);
    }
}
