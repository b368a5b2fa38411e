package dev.outageradar.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node Kafka cluster inside this JVM (one KRaft process acting as broker and controller), for
 * users who run outage-radar without a cluster of their own.
 *
 * <p>It runs {@link KafkaRaftServer}, the class {@code kafka-server-start.sh} runs, not the test kit
 * ({@code KafkaClusterTestKit}): the kit builds each node's identity in memory (fresh directory ids), refuses
 * or deletes a directory that is already formatted, turns unstable features on and only records fatal
 * faults, so it cannot reopen yesterday's data. Here the storage is formatted once, by Kafka's own storage
 * tool, and every later start reads it back as a standalone broker would.
 *
 * <p>The quorum is static (one voter), so the controller's address is part of the configuration, not of the
 * stored metadata; both ports are therefore picked free just before start, and picked again if another
 * process takes one in that instant. Both listeners are on loopback: nothing outside this machine can reach
 * the embedded broker.
 *
 * <p>Like a standalone broker, a fatal broker fault (a corrupt metadata log, a full disk) ends the process.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final int BIND_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir,
                                boolean deleteOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts a broker whose topics and records live in {@code dataDir} (created and formatted on first use,
     * reused afterwards). Returns once clients can produce, consume, commit offsets and run transactions.
     *
     * @throws dev.outageradar.config.ConfigException when {@code dataDir} cannot hold the broker's data
     */
    /** Whether the broker's data is thrown away when it stops (the demo's), rather than kept for a restart. */
    public boolean isTemporary() {
        return deleteOnClose;
    }

    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir.toAbsolutePath().normalize(), false, ClientListener.plaintext());
    }

    /** Starts a broker on a fresh temporary directory that {@link #close()} deletes: for tests and demos. */
    public static EmbeddedKafkaBroker startTemporary() {
        return start(temporaryDir(), true, ClientListener.plaintext());
    }

    /**
     * A temporary broker whose clients must authenticate with SASL/PLAIN (protocol SASL_PLAINTEXT) as one of
     * these users: to try and test the settings of a secured cluster. Any authenticated user may do
     * anything (no authorizer).
     *
     * @param users user name to password; neither may hold a double quote
     */
    public static EmbeddedKafkaBroker startTemporaryWithSaslPlain(Map<String, String> users) {
        return start(temporaryDir(), true, ClientListener.saslPlain(users));
    }

    private static Path temporaryDir() {
        try {
            return Files.createTempDirectory("outage-radar-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the embedded broker", e);
        }
    }

    private static EmbeddedKafkaBroker start(Path dataDir, boolean temporary, ClientListener listener) {
        long startNanos = System.nanoTime();
        try {
            boolean formatted = BrokerDataDir.prepare(dataDir, NODE_ID);
            EmbeddedKafkaBroker broker = startOnFreePorts(dataDir, formatted, temporary, listener);
            try {
                BrokerReadiness.waitUntilServing(broker.bootstrapServers, listener.clientSettings(), READY_TIMEOUT);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            log.info("Embedded Kafka broker started at {} in {} ms ({} data in {})", broker.bootstrapServers,
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis(),
                    temporary ? "temporary" : formatted ? "existing" : "new", dataDir);
            return broker;
        } catch (RuntimeException e) {
            if (temporary) {
                deleteQuietly(dataDir, e);
            }
            throw e;
        }
    }

    private static EmbeddedKafkaBroker startOnFreePorts(Path dataDir, boolean formatted, boolean temporary,
                                                        ClientListener listener) {
        boolean needsFormat = !formatted;
        for (int attempt = 1; ; attempt++) {
            int brokerPort = freePort();
            int controllerPort = freePort();
            Map<String, String> config = serverConfig(dataDir, brokerPort, controllerPort, listener);
            if (needsFormat) {
                format(config);
                needsFormat = false;
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            try {
                server.startup();
                return new EmbeddedKafkaBroker(server, HOST + ":" + brokerPort, dataDir, temporary);
            } catch (RuntimeException e) {
                // A failed start-up leaves the half that did start running; Kafka's own main exits the JVM here.
                server.shutdown();
                server.awaitShutdown();
                if (!causedBy(e, BindException.class) || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
                log.debug("Port {} or {} was taken meanwhile, retrying with others", brokerPort, controllerPort);
            }
        }
    }

    /** Single-node settings; everything else is Kafka's default. */
    static Map<String, String> serverConfig(Path dataDir, int brokerPort, int controllerPort, ClientListener listener) {
        String clients = listener.protocol();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put("listeners", clients + "://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", clients + "://" + HOST + ":" + brokerPort);
        config.put("listener.security.protocol.map", clients + ":" + clients + ",CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", clients);
        config.putAll(listener.serverSettings());
        config.put("log.dirs", dataDir.toString());
        // One broker: internal topics cannot have more replicas than that.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // One node gains nothing from 50 partitions per internal topic; one loads in milliseconds.
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // A typo in a topic name must fail, not create a topic.
        config.put("auto.create.topics.enable", "false");
        // The log cleaner's default 128 MiB dedupe buffer would sit in the application's heap.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return config;
    }

    /** Formats the directory the way {@code kafka-storage.sh format} does, through the same tool. */
    private static void format(Map<String, String> config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path configFile = null;
        try {
            configFile = Files.createTempFile("outage-radar-kafka-", ".properties");
            Properties props = new Properties();
            props.putAll(config);
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "embedded broker, for formatting only");
            }
            String[] args = {"format", "--config", configFile.toString(), "--cluster-id", Uuid.randomUuid().toString()};
            int exitCode = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exitCode != 0) {
                throw new IllegalStateException("Formatting the embedded broker's storage failed: " + output);
            }
            log.debug("Formatted the embedded broker's storage: {}", output.toString(StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedded broker's configuration", e);
        } finally {
            if (configFile != null) {
                deleteQuietly(configFile, null);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path path, Exception reported) {
        try {
            Utils.delete(path.toFile());
        } catch (IOException e) {
            if (reported != null) {
                reported.addSuppressed(e);
            } else {
                log.warn("Could not delete {}: {}", path, e.toString());
            }
        }
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker cleanly (the next start on the same directory skips log recovery). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long startNanos = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteQuietly(dataDir, null);
        }
        log.info("Embedded Kafka broker at {} stopped in {} ms", bootstrapServers,
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }
}
