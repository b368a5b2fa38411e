package dev.outageradar.api;

import org.apache.kafka.streams.KafkaStreams;

/** {@code /metrics}: everything {@link KafkaStreams#metrics()} reports, the app's sensors included. */
final class MetricsHandler extends JsonHandler {

    static final String PATH = "/metrics";

    private final KafkaStreams streams;

    MetricsHandler(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    Response get(Request request) {
        if (!request.path().equals(PATH)) {
            throw ApiException.notFound("no such resource: " + request.path());
        }
        return Response.text(Response.PROMETHEUS_TEXT, PrometheusText.of(streams.metrics()));
    }
}
