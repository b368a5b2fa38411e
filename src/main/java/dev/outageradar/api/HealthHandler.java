package dev.outageradar.api;

import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code /health/live}: 200 while the process serves HTTP and Kafka Streams has not failed for good, 503
 * once it has (state ERROR: restart the process). {@code /health} and
 * {@code /health/ready}: 200 only while Kafka Streams is RUNNING, 503 with its state otherwise (starting,
 * rebalancing, failed), so a load balancer or orchestrator sends queries only where state can be read.
 */
final class HealthHandler extends JsonHandler {

    static final String PATH = "/health";
    private static final String LIVE = PATH + "/live";
    private static final String READY = PATH + "/ready";

    private final KafkaStreams streams;

    HealthHandler(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    Response get(Request request) {
        KafkaStreams.State state = streams.state();
        boolean ready = state == KafkaStreams.State.RUNNING;
        boolean live = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR;
        Map<String, Object> body = Map.of("live", live, "ready", ready, "streams_state", state.name());
        return switch (request.path()) {
            case LIVE -> Response.json(live ? 200 : 503, body);
            case PATH, READY -> Response.json(ready ? 200 : 503, body);
            default -> throw ApiException.notFound("no such resource: " + request.path());
        };
    }
}
