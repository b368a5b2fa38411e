package dev.outageradar.topology;

import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import dev.outageradar.post.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * outage-radar's own meters, and the one place their names are written (Prometheus shows
 * {@code outage.radar.posts} as {@code outage_radar_posts_total}). The processors record into it; the
 * Kafka Streams client metrics come separately, through Micrometer's binder.
 *
 * <p>These are Micrometer meters rather than Kafka Streams custom sensors: they carry the tags an operator
 * filters by (service, reason, type, severity), keep counting in this process when a task moves to another
 * thread, and are not exported twice (a Streams sensor would also come through the binder).
 *
 * <p>Every tag value is bounded: services come from the catalog, reasons, types and severities are enums.
 */
public final class PipelineMetrics {

    public static final String POSTS = "outage.radar.posts";
    public static final String DEAD_LETTERS = "outage.radar.dead.letters";
    public static final String COMPLAINTS = "outage.radar.complaints";
    public static final String LATE_COMPLAINTS = "outage.radar.late.complaints";
    public static final String REPEAT_COMPLAINTS = "outage.radar.repeat.complaints";
    public static final String ALERTS = "outage.radar.alerts";
    public static final String EVENT_TIME_LAG = "outage.radar.event.time.lag";
    public static final String RESTORED_RECORDS = "outage.radar.restored.records";
    public static final String RESTORE_REMAINING_RECORDS = "outage.radar.restore.remaining.records";

    public static final String TAG_SERVICE = "service";
    public static final String TAG_REASON = "reason";
    public static final String TAG_TYPE = "type";
    public static final String TAG_SEVERITY = "severity";
    public static final String TAG_STORE = "store";

    private final MeterRegistry registry;
    private final Counter posts;
    private final Map<RejectReason, Counter> deadLetters = new EnumMap<>(RejectReason.class);
    private final Map<IncidentEventType, Map<Severity, Counter>> alerts = new EnumMap<>(IncidentEventType.class);
    private final Map<String, Counter> complaints = new ConcurrentHashMap<>();
    private final Map<String, Counter> lateComplaints = new ConcurrentHashMap<>();
    private final Map<String, Counter> repeatComplaints = new ConcurrentHashMap<>();
    /** End (epoch ms) of the newest window the detector has judged, over all its tasks in this process. */
    private final AtomicLong judgedThrough = new AtomicLong(Long.MIN_VALUE);

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.posts = Counter.builder(POSTS).description("Records read from the posts topic").register(registry);
        // Created up front at zero, so rate() and increase() work from the first scrape on.
        for (RejectReason reason : RejectReason.values()) {
            deadLetters.put(reason, Counter.builder(DEAD_LETTERS).tag(TAG_REASON, reason.name())
                    .description("Posts written to the dead-letter topic, by reason").register(registry));
        }
        for (IncidentEventType type : IncidentEventType.values()) {
            Map<Severity, Counter> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity, Counter.builder(ALERTS).tag(TAG_TYPE, type.name())
                        .tag(TAG_SEVERITY, severity.name())
                        .description("Alert events emitted, by type and severity").register(registry));
            }
            alerts.put(type, bySeverity);
        }
        Gauge.builder(EVENT_TIME_LAG, this, PipelineMetrics::eventTimeLagSeconds).strongReference(true)
                .baseUnit("seconds")
                .description("Wall clock minus the end of the newest window judged; NaN before the first")
                .register(registry);
    }

    /** Meters that nobody reads: for offline runs (backtest, evaluate, describe). */
    public static PipelineMetrics unpublished() {
        return new PipelineMetrics(new SimpleMeterRegistry());
    }

    void post() {
        posts.increment();
    }

    /** Records read from the posts topic so far, malformed ones included. */
    public long postsRead() {
        return (long) posts.count();
    }

    void deadLetter(RejectReason reason) {
        deadLetters.get(reason).increment();
    }

    /** A complaint counted in its service's window. */
    void complaint(String service) {
        perService(complaints, COMPLAINTS, "Complaints counted in a window, by service", service).increment();
    }

    /** A complaint (or recovery post) for a window already judged: not counted. */
    void lateComplaint(String service) {
        perService(lateComplaints, LATE_COMPLAINTS, "Complaints too late for their window, by service", service)
                .increment();
    }

    /** A complaint whose author already complained about the service within the author horizon. */
    void repeatComplaint(String service) {
        perService(repeatComplaints, REPEAT_COMPLAINTS, "Complaints not counted as their author's repeat, by service",
                service).increment();
    }

    void alert(IncidentEventType type, Severity severity) {
        alerts.get(type).get(severity).increment();
    }

    /** The detector has judged every window ending at or before this event time (epoch ms). */
    void judgedThrough(long windowEndMs) {
        judgedThrough.accumulateAndGet(windowEndMs, Math::max);
    }

    private Counter perService(Map<String, Counter> counters, String name, String description, String service) {
        return counters.computeIfAbsent(service, s -> Counter.builder(name).tag(TAG_SERVICE, s)
                .description(description).register(registry));
    }

    private double eventTimeLagSeconds() {
        long through = judgedThrough.get();
        if (through == Long.MIN_VALUE) {
            return Double.NaN;
        }
        return (registry.config().clock().wallTime() - through) / 1000.0;
    }
}
