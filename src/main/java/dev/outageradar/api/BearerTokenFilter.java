package dev.outageradar.api;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.outageradar.config.Secret;
import java.io.IOException;

/**
 * Lets a request through only with {@code Authorization: Bearer <api.token>}; otherwise answers 401 with a
 * JSON error and the {@code WWW-Authenticate} challenge of RFC 6750 ({@code error="invalid_token"} when a
 * token was sent but is not this one). Neither the expected nor the offered token is ever written back.
 */
final class BearerTokenFilter extends Filter {

    static final String CHALLENGE = "Bearer realm=\"outage-radar\"";
    private static final String SCHEME = "Bearer ";

    private final Secret token;

    BearerTokenFilter(Secret token) {
        this.token = token;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
            Response.error(401, "this API needs a token: send Authorization: Bearer <api.token>").send(exchange);
        } else if (!token.matches(authorization.substring(SCHEME.length()).trim())) {
            exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"");
            Response.error(401, "the bearer token is not this API's api.token").send(exchange);
        } else {
            chain.doFilter(exchange);
        }
    }

    @Override
    public String description() {
        return "bearer token (api.token)";
    }
}
