package dev.outageradar.config;

/**
 * Where the query API listens. Loopback by default: the API has no authentication, so exposing it is a
 * deliberate choice ({@code api.bind=0.0.0.0}).
 *
 * @param port 0 picks a free port (tests, several instances on one machine)
 */
public record ApiSettings(boolean enabled, String bind, int port) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public static ApiSettings defaults() {
        return new ApiSettings(true, DEFAULT_BIND, DEFAULT_PORT);
    }
}
