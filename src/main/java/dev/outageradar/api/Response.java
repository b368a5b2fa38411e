package dev.outageradar.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import dev.outageradar.alert.JsonFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a handler answers: status, content type and body, written by {@link JsonHandler}. */
record Response(int status, String contentType, byte[] body) {

    static final String JSON = "application/json";
    /** The Prometheus text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    static Response json(int status, Object body) {
        try {
            return new Response(status, JSON, JsonFormat.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static Response ok(Object body) {
        return json(200, body);
    }

    static Response error(int status, String message) {
        return json(status, Map.of("status", status, "error", message));
    }

    static Response text(String contentType, String body) {
        return new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes this answer as the exchange's response. */
    void send(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
