package dev.outageradar.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame every endpoint shares: GET only (405 otherwise), and every failure answered as a JSON error
 * body, so a client never has to parse an HTML error page. A bug is a 500 with its trace in the log.
 */
abstract class JsonHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JsonHandler.class);

    /** The answer to a GET of this path; throws {@link ApiException} for a client's mistake. */
    abstract Response get(Request request);

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                response = Response.error(405, exchange.getRequestMethod() + " is not allowed; use GET");
            } else {
                response = get(Request.of(exchange));
            }
        } catch (ApiException e) {
            response = Response.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = Response.error(500, "internal error: " + e.getClass().getSimpleName());
        }
        response.send(exchange);
    }

    /** The parts of a request the endpoints read. */
    record Request(String path, String rawQuery, Map<String, String> query, boolean forwarded, String ifNoneMatch) {

        static Request of(HttpExchange exchange) {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            return new Request(exchange.getRequestURI().getPath(), rawQuery, parse(rawQuery),
                    exchange.getRequestHeaders().containsKey(PeerClient.FORWARDED_HEADER),
                    exchange.getRequestHeaders().getFirst("If-None-Match"));
        }

        String pathAndQuery() {
            return rawQuery == null ? path : path + "?" + rawQuery;
        }

        private static Map<String, String> parse(String rawQuery) {
            Map<String, String> params = new LinkedHashMap<>();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return params;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                            URLDecoder.decode(value, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("malformed query string: " + rawQuery);
                }
            }
            return params;
        }
    }
}
