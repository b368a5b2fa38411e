package dev.outageradar.api;

import com.sun.net.httpserver.HttpServer;
import dev.outageradar.config.ApiSettings;
import dev.outageradar.config.ConfigException;
import dev.outageradar.detect.ServiceDetectors;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API of a running instance, on the JDK's HTTP server. Bound before Kafka Streams is created
 * ({@link #bind}), because Streams must be told the address ({@code application.server}) through which
 * other instances reach this one, and with {@code api.port=0} that port is known only once bound.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Requests are short, but a forwarded one waits on a peer: a few threads keep one slow peer from
     * blocking health checks. */
    private static final int THREADS = 4;
    private static final int STOP_DELAY_SECONDS = 1;

    private final HttpServer server;
    private final HostInfo advertised;
    private ExecutorService executor;

    private ApiServer(HttpServer server, HostInfo advertised) {
        this.server = server;
        this.advertised = advertised;
    }

    /** Binds the address; nothing is served until {@link #serve}. */
    public static ApiServer bind(ApiSettings settings) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(settings.bind()), settings.port());
            HttpServer server = HttpServer.create(address, 0);
            return new ApiServer(server, new HostInfo(advertisedHost(server.getAddress()), server.getAddress().getPort()));
        } catch (UnknownHostException e) {
            throw new ConfigException("api.bind=\"" + settings.bind() + "\" is not a known host or address");
        } catch (IOException e) {
            throw new ConfigException("cannot listen on " + settings.bind() + ":" + settings.port()
                    + " (api.bind, api.port): " + e.getMessage());
        }
    }

    /** A wildcard bind is advertised as this machine's name, which its peers can resolve. */
    private static String advertisedHost(InetSocketAddress bound) throws UnknownHostException {
        InetAddress address = bound.getAddress();
        return address.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : address.getHostAddress();
    }

    /** {@code host:port}, the value for Kafka Streams' {@code application.server}. */
    public String applicationServer() {
        return advertised.host() + ":" + advertised.port();
    }

    public int port() {
        return advertised.port();
    }

    /**
     * Starts answering queries about this Kafka Streams instance, built from these settings, and serving
     * its metrics.
     */
    public void serve(KafkaStreams streams, TopologySettings settings, AppMetrics metrics) {
        ServiceStates states = new ServiceStates(streams, advertised);
        ServiceView view = new ServiceView(new ServiceDetectors(settings.detector(), settings.serviceDetectors()),
                settings.windowSize());
        PeerClient peers = new PeerClient();
        server.createContext("/", new NotFoundHandler());
        server.createContext(HealthHandler.PATH, new HealthHandler(streams));
        server.createContext(MetricsHandler.PATH, new MetricsHandler(metrics));
        server.createContext(ServicesHandler.PATH, new ServicesHandler(states, view, peers));
        server.createContext(IncidentsHandler.PATH, new IncidentsHandler(states, view, peers));
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "query-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        LOG.info("query API listening on http://{}", applicationServer());
    }

    @Override
    public void close() {
        server.stop(STOP_DELAY_SECONDS);
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
