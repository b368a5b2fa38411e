package dev.outageradar.api;

import dev.outageradar.topology.PipelineMetrics;
import dev.outageradar.topology.RestoreMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything one running instance reports at {@code /metrics}: the JVM and the process, the Kafka Streams
 * client with its consumers and producers (Micrometer's binder reads {@code KafkaStreams#metrics()},
 * {@code kafka_*}), and outage-radar's own meters ({@link PipelineMetrics}, {@link RestoreMetrics},
 * {@code outage_radar_*}). One registry per Kafka Streams client, so two instances in one JVM (tests) do
 * not mix their counts.
 */
public final class AppMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PipelineMetrics pipeline = new PipelineMetrics(registry);
    private final List<AutoCloseable> binders = new ArrayList<>();

    public AppMetrics() {
        JvmGcMetrics gc = new JvmGcMetrics();
        binders.add(gc);
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics())) {
            binder.bindTo(registry);
        }
    }

    /** Where the topology records posts, complaints, dead letters and alerts. */
    public PipelineMetrics pipeline() {
        return pipeline;
    }

    /**
     * Reports the client's metrics and the restoration of its state stores. Call before
     * {@link KafkaStreams#start()}: the restore listener can only be set on a client not yet started.
     */
    public void bind(KafkaStreams streams) {
        streams.setGlobalStateRestoreListener(new RestoreMetrics(registry));
        KafkaStreamsMetrics client = new KafkaStreamsMetrics(streams);
        binders.add(client);
        client.bindTo(registry);
    }

    /** The Prometheus text exposition format (0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop a metrics binder", e);
            }
        }
        registry.close();
    }
}
