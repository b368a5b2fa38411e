package dev.outageradar.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on a free local port that records every request and answers as its script says:
 * the script gets the attempt number (1 for the first request) and returns the reply.
 */
final class WebhookReceiver implements AutoCloseable {

    record Request(Instant at, String path, String contentType, String idempotencyKey, String body) {
    }

    record Reply(int status, Duration delay, String retryAfter) {
        static final Reply OK = new Reply(200, Duration.ZERO, null);

        static Reply status(int status) {
            return new Reply(status, Duration.ZERO, null);
        }
    }

    @FunctionalInterface
    interface Script {
        Reply reply(int attempt) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();

    WebhookReceiver(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Many threads, so a slow answer to one request does not hold up the retry behind it.
        server.setExecutor(threads);
        server.createContext("/", exchange -> answer(exchange, script));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange, Script script) throws IOException {
        int attempt;
        synchronized (this) {
            requests.add(new Request(Instant.now(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            attempt = requests.size();
        }
        try (exchange) {
            Reply reply = script.reply(attempt);
            Thread.sleep(reply.delay().toMillis());
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (Exception e) {
            // The client gave up waiting and closed the connection: nothing left to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
