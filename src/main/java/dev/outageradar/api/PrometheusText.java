package dev.outageradar.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Kafka's metrics (Streams, its clients, and the application's own sensors) in the Prometheus text
 * format: {@code <group>_<name>} with the tags as labels, every character Prometheus does not allow
 * replaced by {@code _}. Kafka does not say whether a metric is a counter, so all are typed {@code gauge}
 * (Prometheus' rate() still works on the {@code _total} ones). Non-numeric metrics (versions, ids) are left out.
 */
final class PrometheusText {

    private PrometheusText() {
    }

    static String of(Map<MetricName, ? extends Metric> metrics) {
        Map<String, List<String>> samples = new TreeMap<>();
        metrics.forEach((name, metric) -> {
            if (metric.metricValue() instanceof Number value) {
                String family = metricName(name.group() + "_" + name.name());
                samples.computeIfAbsent(family, f -> new ArrayList<>()).add(family + labels(name.tags()) + " "
                        + number(value.doubleValue()));
            }
        });
        StringBuilder text = new StringBuilder();
        samples.forEach((family, lines) -> {
            text.append("# TYPE ").append(family).append(" gauge\n");
            lines.stream().sorted().forEach(line -> text.append(line).append('\n'));
        });
        return text.toString();
    }

    /** Prometheus metric names: [a-zA-Z_:][a-zA-Z0-9_:]*. */
    static String metricName(String raw) {
        String name = raw.replaceAll("[^a-zA-Z0-9_:]", "_");
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    /** Label names: [a-zA-Z_][a-zA-Z0-9_]*. */
    static String labelName(String raw) {
        String name = raw.replaceAll("[^a-zA-Z0-9_]", "_");
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    private static String labels(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        new TreeMap<>(tags).forEach((key, value) -> {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(labelName(key)).append("=\"").append(escape(value)).append('"');
        });
        return text.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(value);
    }
}
