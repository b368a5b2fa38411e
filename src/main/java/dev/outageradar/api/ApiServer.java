package dev.outageradar.api;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.outageradar.config.ApiSettings;
import dev.outageradar.config.ConfigException;
import dev.outageradar.config.Secret;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
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
 *
 * <p>With {@code api.token} set, every route needs the bearer token except those added as
 * {@link Access#OPEN}: the health checks, which orchestrators probe without credentials and which tell
 * nothing but the Kafka Streams state.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Requests are short, but a forwarded one waits on a peer: a few threads keep one slow peer from
     * blocking health checks. */
    private static final int THREADS = 4;
    private static final int STOP_DELAY_SECONDS = 1;

    /** Whether a route needs the bearer token (when one is configured). */
    enum Access {
        /** Anyone may call it: it shows nothing that needs protecting (health checks, static files of a page). */
        OPEN,
        /** Needs {@code Authorization: Bearer <api.token>} when api.token is set. */
        TOKEN
    }

    private final HttpServer server;
    private final HostInfo advertised;
    private final Optional<Secret> token;
    private ExecutorService executor;

    private ApiServer(HttpServer server, HostInfo advertised, Optional<Secret> token) {
        this.server = server;
        this.advertised = advertised;
        this.token = token;
    }

    /** Binds the address; nothing is served until {@link #serve}. */
    public static ApiServer bind(ApiSettings settings) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(settings.bind()), settings.port());
            HttpServer server = HttpServer.create(address, 0);
            if (settings.token().isEmpty() && !address.getAddress().isLoopbackAddress()) {
                LOG.warn("the query API listens on {} without api.token: anyone who reaches it can read it",
                        settings.bind());
            }
            return new ApiServer(server, new HostInfo(advertisedHost(server.getAddress()), server.getAddress().getPort()),
                    settings.token());
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
        ServiceView view = new ServiceView(new ServiceHistory(streams), settings.windowSize());
        PeerClient peers = new PeerClient(token);
        // The page and its scripts show nothing by themselves: they are open; the data they fetch is not.
        route(DashboardHandler.PATH, new DashboardHandler(new StaticAssets()), Access.OPEN);
        // Unknown API paths stay JSON 404s, whatever the dashboard serves.
        route("/api/", new NotFoundHandler(), Access.TOKEN);
        route(HealthHandler.PATH, new HealthHandler(streams), Access.OPEN);
        route(MetricsHandler.PATH, new MetricsHandler(metrics), Access.TOKEN);
        route(ServicesHandler.PATH, new ServicesHandler(states, view, peers), Access.TOKEN);
        route(IncidentsHandler.PATH, new IncidentsHandler(states, view, peers), Access.TOKEN);
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "query-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        LOG.info("query API listening on http://{}{}", applicationServer(),
                token.isPresent() ? " (bearer token required, but not for /health)" : "");
    }

    /**
     * Every route is added here, so one added later (the dashboard's) is guarded like the others unless it
     * says it is {@link Access#OPEN}. A page served openly calls /api/* with the token itself.
     */
    private void route(String path, HttpHandler handler, Access access) {
        HttpContext context = server.createContext(path, handler);
        if (access == Access.TOKEN) {
            token.ifPresent(secret -> context.getFilters().add(new BearerTokenFilter(secret)));
        }
    }

    @Override
    public void close() {
        server.stop(STOP_DELAY_SECONDS);
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
