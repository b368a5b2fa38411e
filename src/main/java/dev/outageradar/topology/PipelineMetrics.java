package dev.outageradar.topology;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * The application's own counters, registered as Kafka Streams custom sensors so they are reported with
 * the client metrics (JMX, {@code KafkaStreams#metrics()}, the test driver) as
 * {@code <name>-total} and {@code <name>-rate} in group {@code stream-outage-radar-metrics}, tagged with
 * the task.
 */
final class PipelineMetrics {

    private PipelineMetrics() {
    }

    static Sensor sensor(ProcessorContext<?, ?> context, String name) {
        return context.metrics().addRateTotalSensor(Names.METRIC_SCOPE, context.taskId().toString(), name,
                Sensor.RecordingLevel.INFO);
    }
}
