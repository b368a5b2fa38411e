package dev.outageradar.topology;

import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.SeasonalBaseline;
import dev.outageradar.detect.ServiceDetector;
import dev.outageradar.detect.ServiceDetectors;
import dev.outageradar.detect.ServiceState;
import dev.outageradar.detect.WindowAssessment;
import dev.outageradar.detect.WindowTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts complaints per service in tumbling event-time windows and, once a window is closed (its end plus
 * grace is behind stream time), hands it to the service's detector, for every service this partition
 * knows, including windows in which a service had no complaint at all: silence is what resolves an
 * incident.
 *
 * <p>Windows close when the {@link SourceClock} (the slowest active posts partition) has passed their end
 * plus grace, never on a wall-clock punctuator, so a replay gives the same result as the live stream.
 * A complaint for a window already closed is late: counted in the late complaints meter (PipelineMetrics), not added.
 *
 * <p>People are counted, not posts: an author's complaint about a service counts only if the same author
 * has no counted complaint about it within {@code authorHorizon} (event time, either side), as the
 * best-known outage trackers count a user's first report only. One account posting 500 complaints adds
 * one. The result is deterministic when an author's posts arrive in order on one posts partition (the
 * replay producer keys posts by author); posts without an author are all counted.
 *
 * <p>Every judged window goes to the window history, and every change of an incident (opened, severity or
 * peak changed, resolved) to the incident history, for the query API; resolved incidents are dropped from
 * it once {@code incidentRetentionMs} of stream time has passed since they resolved.
 */
final class OutageDetectionProcessor implements Processor<String, ServiceSignal, String, DetectorOutput> {

    static final int MAX_SAMPLES = 3;
    private static final String CLOCK_KEY = "clock";
    /** No service id is empty (the catalog refuses one), so no judged window is ever stored under it. */
    private static final String HISTORY_ANCHOR_KEY = "";

    private final ServiceDetectors detectors;
    private final long windowMs;
    private final long authorHorizonMs;
    private final long graceMs;
    private final int sourcePartitions;
    private final long incidentRetentionMs;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, DetectorOutput> context;
    private CachedStore<WindowTally> openWindows;
    private CachedStore<ServiceState<SeasonalBaseline.State>> services;
    private KeyValueStore<String, SourceClock> clocks;
    private KeyValueStore<String, Long> authors;
    private WindowStore<String, JudgedWindow> windowHistory;
    private KeyValueStore<String, IncidentSummary> incidentHistory;
    private SourceClock clock;
    private long closedUpTo = Long.MIN_VALUE;
    private boolean historyAnchored;

    OutageDetectionProcessor(ServiceDetectors detectors, long windowMs, long graceMs, long authorHorizonMs,
                             int sourcePartitions, long incidentRetentionMs, PipelineMetrics metrics) {
        this.detectors = detectors;
        this.windowMs = windowMs;
        this.authorHorizonMs = authorHorizonMs;
        this.graceMs = graceMs;
        this.sourcePartitions = sourcePartitions;
        this.incidentRetentionMs = incidentRetentionMs;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DetectorOutput> context) {
        this.context = context;
        this.openWindows = new CachedStore<>(context.getStateStore(Names.STORE_OPEN_WINDOWS));
        this.services = new CachedStore<>(context.getStateStore(Names.STORE_SERVICE_STATE));
        this.clocks = context.getStateStore(Names.STORE_SOURCE_CLOCK);
        this.authors = context.getStateStore(Names.STORE_COMPLAINT_AUTHORS);
        this.windowHistory = context.getStateStore(Names.STORE_WINDOW_HISTORY);
        this.incidentHistory = context.getStateStore(Names.STORE_INCIDENT_HISTORY);
        SourceClock stored = clocks.get(CLOCK_KEY);
        this.clock = stored != null ? stored : SourceClock.waitingFor(sourcePartitions);
        // Stream time, not wall-clock: what is forgotten depends only on the feed, so replays agree.
        context.schedule(Duration.ofMillis(authorHorizonMs), PunctuationType.STREAM_TIME, this::forgetAuthorsBefore);
        context.schedule(Duration.ofMillis(Math.min(incidentRetentionMs, Duration.ofHours(1).toMillis())),
                PunctuationType.STREAM_TIME, this::forgetIncidentsResolvedBefore);
    }

    @Override
    public void process(Record<String, ServiceSignal> record) {
        ServiceSignal signal = record.value();
        if (signal == null) {
            return;
        }
        if (!historyAnchored) {
            anchorWindowHistory();
        }
        if (signal.kind() == ServiceSignal.Kind.TICK) {
            clock = clock.report(signal.source(), signal.sourceTime(), signal.idle());
            clocks.put(CLOCK_KEY, clock);
            closeWindows(lastClosableWindow(clock.now()));
        } else if (record.key() != null) {
            tally(record.key(), signal, record.timestamp());
        }
    }

    /**
     * Writes one tombstone to the window-history store when the task starts processing. Kafka Streams
     * 4.3 records a changelog offset for its persistent window store only once something was written to
     * it; a detector task whose partition holds no service yet (so judges no window) stopped cleanly
     * without one, and under exactly-once the next start took the missing offset for a crash and wiped
     * and restored the whole task ("did not find checkpoint offsets while stores are not empty"). A
     * tombstone for a key no window has gives the store an offset and changes nothing a query sees;
     * once the store's time has passed it, the store drops it without writing anything.
     */
    private void anchorWindowHistory() {
        windowHistory.put(HISTORY_ANCHOR_KEY, null, 0L);
        historyAnchored = true;
    }

    private void tally(String service, ServiceSignal signal, long timestamp) {
        long windowStart = Math.floorDiv(timestamp, windowMs) * windowMs;
        ServiceState<SeasonalBaseline.State> state = services.get(service);
        if (state != null && windowStart <= state.lastClosedWindowStart() && !state.hasJudgedAnyWindow()) {
            // A service's first complaints can come out of order: from posts partitions processed at
            // different paces, or within the grace period. Its history then starts at the earliest window
            // still open, rather than counting the earlier complaint as late (which made what a service
            // counted depend on how the partitions interleaved).
            state = null;
        }
        if (windowStart <= lastClosableWindow(clock.now())
                || state != null && windowStart <= state.lastClosedWindowStart()) {
            metrics.lateComplaint(service);
            return;
        }
        if (signal.kind() == ServiceSignal.Kind.COMPLAINT && isRepeat(service, signal.author(), timestamp)) {
            metrics.repeatComplaint(service);
            return;
        }
        if (state == null) {
            services.put(service, detectors.of(service).newService(service, windowStart - windowMs));
        }
        String key = windowKey(service, windowStart);
        WindowTally tally = openWindows.get(key);
        if (tally == null) {
            tally = WindowTally.empty(service, windowStart, windowStart + windowMs);
        }
        openWindows.put(key, add(tally, signal));
        if (signal.kind() == ServiceSignal.Kind.COMPLAINT) {
            metrics.complaint(service);
        }
    }

    /**
     * Whether the author's complaint repeats one already counted within the horizon. Keeps the latest
     * counted time per service and author; entries older than the horizon are dropped as stream time passes.
     */
    private boolean isRepeat(String service, String author, long timestamp) {
        if (author == null || author.isEmpty()) {
            return false;
        }
        String key = service + '|' + author;
        Long counted = authors.get(key);
        if (counted != null && Math.abs(timestamp - counted) < authorHorizonMs) {
            return true;
        }
        authors.put(key, counted == null ? timestamp : Math.max(counted, timestamp));
        return false;
    }

    private void forgetAuthorsBefore(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = authors.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value <= streamTime - authorHorizonMs - graceMs - windowMs) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(authors::delete);
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
        List<ServiceState<SeasonalBaseline.State>> due = new ArrayList<>();
        for (ServiceState<SeasonalBaseline.State> state : services.values()) {
            if (state.lastClosedWindowStart() < upTo) {
                due.add(state);
            }
        }
        for (ServiceState<SeasonalBaseline.State> state : due) {
            services.put(state.service(), closeWindows(state, upTo));
        }
        closedUpTo = upTo;
        metrics.judgedThrough(upTo + windowMs);
    }

    private ServiceState<SeasonalBaseline.State> closeWindows(ServiceState<SeasonalBaseline.State> state, long upTo) {
        for (long start = state.lastClosedWindowStart() + windowMs; start <= upTo; start += windowMs) {
            String key = windowKey(state.service(), start);
            WindowTally tally = openWindows.delete(key);
            if (tally == null) {
                tally = WindowTally.empty(state.service(), start, start + windowMs);
            }
            ServiceDetector.Step<SeasonalBaseline.State> step = detectors.of(state.service()).judge(state, tally);
            remember(state, step);
            state = step.next();
            emit(step);
        }
        return state;
    }

    /** Writes the judged window to the window history, and the incident to the incident history if it changed. */
    private void remember(ServiceState<SeasonalBaseline.State> before, ServiceDetector.Step<SeasonalBaseline.State> step) {
        WindowAssessment assessment = step.assessment();
        windowHistory.put(assessment.service(), JudgedWindow.of(assessment), assessment.windowStart());
        String service = assessment.service();
        IncidentSummary now = step.event()
                .filter(event -> event.type() == IncidentEventType.OUTAGE_RESOLVED)
                .map(IncidentSummary::resolved)
                .orElseGet(() -> step.next().incident() == null ? null
                        : IncidentSummary.open(service, step.next().incident()));
        IncidentSummary was = before.incident() == null ? null : IncidentSummary.open(service, before.incident());
        if (now != null && !now.equals(was)) {
            incidentHistory.put(IncidentSummary.key(service, now.openedAt()), now);
        }
    }

    private void forgetIncidentsResolvedBefore(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, IncidentSummary> all = incidentHistory.all()) {
            all.forEachRemaining(entry -> {
                Instant resolved = entry.value.resolvedAt();
                if (resolved != null && resolved.toEpochMilli() < streamTime - incidentRetentionMs) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(incidentHistory::delete);
    }

    private void emit(ServiceDetector.Step<SeasonalBaseline.State> step) {
        var assessment = step.assessment();
        long timestamp = assessment.windowEnd();
        if (assessment.count() > 0 || assessment.incidentId() != null || step.event().isPresent()) {
            context.forward(new Record<>(assessment.service(), new DetectorOutput.Counted(assessment), timestamp,
                    new RecordHeaders()));
        }
        step.event().ifPresent(event -> {
            metrics.alert(event.type(), event.severity());
            context.forward(new Record<>(event.service(), new DetectorOutput.Alerted(event), timestamp,
                    new RecordHeaders()));
        });
    }

    /** Sorts by service, then window start (zero-padded epoch millis), so a service's windows are adjacent. */
    static String windowKey(String service, long windowStart) {
        if (windowStart < 0) {
            return service + '|' + String.format("%015d", windowStart);
        }
        // By hand: String.format, run for every complaint, was a visible share of the offline run's profile.
        String digits = Long.toString(windowStart);
        StringBuilder key = new StringBuilder(service.length() + 1 + Math.max(15, digits.length()))
                .append(service).append('|');
        for (int i = digits.length(); i < 15; i++) {
            key.append('0');
        }
        return key.append(digits).toString();
    }
}
