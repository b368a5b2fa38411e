package dev.outageradar.topology;

import dev.outageradar.detect.EwmaBaseline;
import dev.outageradar.detect.ServiceDetector;
import dev.outageradar.detect.ServiceState;
import dev.outageradar.detect.WindowTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts complaints per service in tumbling event-time windows and, once a window is closed (its end plus
 * grace is behind stream time), hands it to the service's detector, for every service this partition
 * knows, including windows in which a service had no complaint at all: silence is what resolves an
 * incident.
 *
 * <p>Windows close when the {@link SourceClock} (the slowest active posts partition) has passed their end
 * plus grace, never on a wall-clock punctuator, so a replay gives the same result as the live stream.
 * A complaint for a window already closed is late: counted in the late-complaints metric, not added.
 */
final class OutageDetectionProcessor implements Processor<String, ServiceSignal, String, DetectorOutput> {

    static final int MAX_SAMPLES = 3;
    private static final String CLOCK_KEY = "clock";

    private final ServiceDetector<EwmaBaseline.State> detector;
    private final long windowMs;
    private final long graceMs;
    private final int sourcePartitions;
    private ProcessorContext<String, DetectorOutput> context;
    private KeyValueStore<String, WindowTally> openWindows;
    private KeyValueStore<String, ServiceState<EwmaBaseline.State>> services;
    private KeyValueStore<String, SourceClock> clocks;
    private SourceClock clock;
    private Sensor complaints;
    private Sensor lateComplaints;
    private Sensor alerts;
    private long closedUpTo = Long.MIN_VALUE;

    OutageDetectionProcessor(ServiceDetector<EwmaBaseline.State> detector, long windowMs, long graceMs,
                             int sourcePartitions) {
        this.detector = detector;
        this.windowMs = windowMs;
        this.graceMs = graceMs;
        this.sourcePartitions = sourcePartitions;
    }

    @Override
    public void init(ProcessorContext<String, DetectorOutput> context) {
        this.context = context;
        this.openWindows = context.getStateStore(Names.STORE_OPEN_WINDOWS);
        this.services = context.getStateStore(Names.STORE_SERVICE_STATE);
        this.clocks = context.getStateStore(Names.STORE_SOURCE_CLOCK);
        SourceClock stored = clocks.get(CLOCK_KEY);
        this.clock = stored != null ? stored : SourceClock.waitingFor(sourcePartitions);
        this.complaints = PipelineMetrics.sensor(context, Names.METRIC_COMPLAINTS);
        this.lateComplaints = PipelineMetrics.sensor(context, Names.METRIC_LATE_COMPLAINTS);
        this.alerts = PipelineMetrics.sensor(context, Names.METRIC_ALERTS);
    }

    @Override
    public void process(Record<String, ServiceSignal> record) {
        ServiceSignal signal = record.value();
        if (signal == null) {
            return;
        }
        if (signal.kind() == ServiceSignal.Kind.TICK) {
            clock = clock.report(signal.source(), signal.sourceTime(), signal.idle());
            clocks.put(CLOCK_KEY, clock);
            closeWindows(lastClosableWindow(clock.now()));
        } else if (record.key() != null) {
            tally(record.key(), signal, record.timestamp());
        }
    }

    private void tally(String service, ServiceSignal signal, long timestamp) {
        long windowStart = Math.floorDiv(timestamp, windowMs) * windowMs;
        ServiceState<EwmaBaseline.State> state = services.get(service);
        if (windowStart <= lastClosableWindow(clock.now())
                || state != null && windowStart <= state.lastClosedWindowStart()) {
            lateComplaints.record();
            return;
        }
        if (state == null) {
            services.put(service, detector.newService(service, windowStart - windowMs));
        }
        String key = windowKey(service, windowStart);
        WindowTally tally = openWindows.get(key);
        if (tally == null) {
            tally = WindowTally.empty(service, windowStart, windowStart + windowMs);
        }
        openWindows.put(key, add(tally, signal));
        if (signal.kind() == ServiceSignal.Kind.COMPLAINT) {
            complaints.record();
        }
    }

    private static WindowTally add(WindowTally tally, ServiceSignal signal) {
        if (signal.kind() == ServiceSignal.Kind.RECOVERY) {
            return new WindowTally(tally.service(), tally.windowStart(), tally.windowEnd(), tally.complaints(),
                    tally.recoveries() + 1, tally.samples(), tally.topics());
        }
        List<String> samples = tally.samples();
        if (samples.size() < MAX_SAMPLES && signal.text() != null) {
            samples = new ArrayList<>(samples);
            samples.add(signal.text());
        }
        Map<String, Long> topics = tally.topics();
        if (!signal.topics().isEmpty()) {
            topics = new HashMap<>(topics);
            for (String topic : signal.topics()) {
                topics.merge(topic, 1L, Long::sum);
            }
        }
        return new WindowTally(tally.service(), tally.windowStart(), tally.windowEnd(), tally.complaints() + 1,
                tally.recoveries(), List.copyOf(samples), Map.copyOf(topics));
    }

    /** Start of the latest window whose end plus grace is not after the given time. */
    private long lastClosableWindow(long time) {
        if (time < 0) {
            return Long.MIN_VALUE;
        }
        return Math.floorDiv(time - graceMs - windowMs, windowMs) * windowMs;
    }

    private void closeWindows(long upTo) {
        if (upTo <= closedUpTo) {
            return;
        }
        List<KeyValue<String, ServiceState<EwmaBaseline.State>>> due = new ArrayList<>();
        try (KeyValueIterator<String, ServiceState<EwmaBaseline.State>> all = services.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.lastClosedWindowStart() < upTo) {
                    due.add(entry);
                }
            });
        }
        for (KeyValue<String, ServiceState<EwmaBaseline.State>> entry : due) {
            services.put(entry.key, closeWindows(entry.value, upTo));
        }
        closedUpTo = upTo;
    }

    private ServiceState<EwmaBaseline.State> closeWindows(ServiceState<EwmaBaseline.State> state, long upTo) {
        for (long start = state.lastClosedWindowStart() + windowMs; start <= upTo; start += windowMs) {
            String key = windowKey(state.service(), start);
            WindowTally tally = openWindows.delete(key);
            if (tally == null) {
                tally = WindowTally.empty(state.service(), start, start + windowMs);
            }
            ServiceDetector.Step<EwmaBaseline.State> step = detector.judge(state, tally);
            state = step.next();
            emit(step);
        }
        return state;
    }

    private void emit(ServiceDetector.Step<EwmaBaseline.State> step) {
        var assessment = step.assessment();
        long timestamp = assessment.windowEnd();
        if (assessment.count() > 0 || assessment.incidentId() != null || step.event().isPresent()) {
            context.forward(new Record<>(assessment.service(), new DetectorOutput.Counted(assessment), timestamp,
                    new RecordHeaders()));
        }
        step.event().ifPresent(event -> {
            alerts.record();
            context.forward(new Record<>(event.service(), new DetectorOutput.Alerted(event), timestamp,
                    new RecordHeaders()));
        });
    }

    /** Sorts by service, then window start (zero-padded epoch millis), so a service's windows are adjacent. */
    static String windowKey(String service, long windowStart) {
        return service + '|' + String.format("%015d", windowStart);
    }
}
