package dev.outageradar.api;

/** {@code /metrics}: the instance's meters (see {@link AppMetrics}) in the Prometheus text format. */
final class MetricsHandler extends JsonHandler {

    static final String PATH = "/metrics";

    private final AppMetrics metrics;

    MetricsHandler(AppMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    Response get(Request request) {
        if (!request.path().equals(PATH)) {
            throw ApiException.notFound("no such resource: " + request.path());
        }
        return Response.text(Response.PROMETHEUS_TEXT, metrics.scrape());
    }
}
