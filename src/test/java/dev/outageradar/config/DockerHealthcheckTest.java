package dev.outageradar.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker/healthcheck.sh, the image's HEALTHCHECK, run by bash as Docker runs it, against a server that
 * answers GET /health the way the app does: 200 while Kafka Streams is RUNNING, 503 otherwise. (The app's
 * own answers are tested in QueryApiOnBrokerTest.)
 */
class DockerHealthcheckTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void healthyWhileHealthAnswers200() throws Exception {
        int port = serveHealth(200, "{\"live\":true,\"ready\":true,\"streams_state\":\"RUNNING\"}");

        assertThat(probe(port)).isZero();
        assertThat(requests).containsExactly("GET /health");
    }

    @Test
    void unhealthyWhileKafkaStreamsIsNotRunning() throws Exception {
        int port = serveHealth(503, "{\"live\":true,\"ready\":false,\"streams_state\":\"REBALANCING\"}");

        assertThat(probe(port)).isEqualTo(1);
        assertThat(requests).containsExactly("GET /health");
    }

    @Test
    void unhealthyWhenNothingListensOnTheApiPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        assertThat(probe(port)).isEqualTo(1);
    }

    private int serveHealth(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server.getAddress().getPort();
    }

    /** The script's exit status, with api.port set the way a container sets it. */
    private static int probe(int apiPort) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "docker/healthcheck.sh").redirectErrorStream(true);
        builder.environment().put("OUTAGE_RADAR_API_PORT", Integer.toString(apiPort));
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the healthcheck did not finish within 20 s");
        }
        return process.exitValue();
    }
}
