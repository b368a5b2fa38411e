package dev.outageradar.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import dev.outageradar.alert.JsonFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a handler answers: status, content type, body and any further headers, written by
 * {@link JsonHandler}. An empty body is sent as no body at all (a 304 must not have one).
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    Response(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of());
    }

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
        headers.forEach(exchange.getResponseHeaders()::set);
        // The JDK server reads a length of 0 as "chunked"; -1 is "no body".
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
