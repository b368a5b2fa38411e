package dev.outageradar.config;

import java.util.Optional;

/**
 * Where the query API listens, and the bearer token it requires, if any. Loopback by default: without a
 * token anyone who reaches the port can read it, so exposing it is a deliberate choice
 * ({@code api.bind=0.0.0.0}, best with {@code api.token}).
 *
 * @param port  0 picks a free port (tests, several instances on one machine)
 * @param token when present, every request but the health checks needs {@code Authorization: Bearer <token>};
 *              instances of one application share it, since they forward requests to each other
 */
public record ApiSettings(boolean enabled, String bind, int port, Optional<Secret> token) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    /** Without a token. */
    public ApiSettings(boolean enabled, String bind, int port) {
        this(enabled, bind, port, Optional.empty());
    }

    public static ApiSettings defaults() {
        return new ApiSettings(true, DEFAULT_BIND, DEFAULT_PORT);
    }

    public ApiSettings withPort(int newPort) {
        return new ApiSettings(enabled, bind, newPort, token);
    }
}
