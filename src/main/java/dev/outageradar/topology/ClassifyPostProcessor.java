package dev.outageradar.topology;

import dev.outageradar.classify.Classification;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.post.Post;
import java.time.Duration;
import java.util.OptionalLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a post into one signal per service it complains about (or reports recovered), keyed by service.
 * It also reports this posts partition's event-time progress downstream as ticks: every
 * {@code tickInterval} of stream time, and once, as idle, when the partition has had no post for
 * {@code idleAfter} of wall-clock time and has nothing left to read (so an empty partition does not hold
 * back everyone's windows, while one whose posts are merely waiting to be processed does).
 */
final class ClassifyPostProcessor implements Processor<byte[], Post, String, ServiceSignal> {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifyPostProcessor.class);
    /**
     * When the lag stays unknown this many times {@code idleAfter} (no consumer metric for the partition,
     * which should not happen while it is assigned), the wall clock alone decides: windows that never close
     * would silence every alert, a worse failure than a few late posts.
     */
    static final int UNKNOWN_LAG_PATIENCE = 4;

    private final ComplaintMatcher matcher;
    private final long tickIntervalMs;
    private final Duration idleAfter;
    private final PartitionLag lag;
    private final String topic;
    private final long graceMs;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, ServiceSignal> context;
    private long nextTickAt = Long.MIN_VALUE;
    private long lastPostWallClock;
    private boolean idle;

    /**
     * @param grace a post older than its partition's stream time by more than this is late (counted, not
     *              forwarded), as Kafka Streams' own windows treat records past their grace period
     * @param lag   how much of its posts partition this instance has not fetched yet
     * @param topic the posts topic, as {@code lag} names it
     */
    ClassifyPostProcessor(ComplaintMatcher matcher, Duration tickInterval, Duration idleAfter, Duration grace,
                          PartitionLag lag, String topic, PipelineMetrics metrics) {
        this.matcher = matcher;
        this.tickIntervalMs = tickInterval.toMillis();
        this.idleAfter = idleAfter;
        this.graceMs = grace.toMillis();
        this.lag = lag;
        this.topic = topic;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, ServiceSignal> context) {
        this.context = context;
        this.lastPostWallClock = context.currentSystemTimeMs();
        Duration check = idleAfter.dividedBy(4).isZero() ? idleAfter : idleAfter.dividedBy(4);
        context.schedule(check, PunctuationType.WALL_CLOCK_TIME, this::markIdleWhenQuiet);
    }

    @Override
    public void process(Record<byte[], Post> record) {
        Post post = record.value();
        Classification result = matcher.classify(post.text());
        if (record.timestamp() < context.currentStreamTimeMs() - graceMs) {
            // Its window has closed on this partition's own clock. Deciding here, in partition order, keeps
            // an old post (a 2006 date in a live stream) from reaching a detector that has not closed any
            // window yet and would start a service's history at it.
            result.complaints().forEach(metrics::lateComplaint);
            result.recoveries().forEach(metrics::lateComplaint);
            lastPostWallClock = context.currentSystemTimeMs();
            return;
        }
        // Downstream needs neither the input key nor its headers; dropping them keeps the repartition lean.
        Record<String, ServiceSignal> base = new Record<>(null, null, record.timestamp(), new RecordHeaders());
        for (String service : result.complaints()) {
            context.forward(base.withKey(service).withValue(
                    ServiceSignal.complaint(post.author(), post.text(), result.topics())));
        }
        for (String service : result.recoveries()) {
            context.forward(base.withKey(service).withValue(ServiceSignal.recovery(post.author())));
        }
        lastPostWallClock = context.currentSystemTimeMs();
        long streamTime = context.currentStreamTimeMs();
        if (streamTime >= nextTickAt || idle) {
            idle = false;
            tick(streamTime, false);
            nextTickAt = Math.floorDiv(streamTime, tickIntervalMs) * tickIntervalMs + tickIntervalMs;
        }
    }

    private void markIdleWhenQuiet(long wallClock) {
        long quietFor = wallClock - lastPostWallClock;
        if (idle || quietFor < idleAfter.toMillis()) {
            return;
        }
        int partition = context.taskId().partition();
        OptionalLong unread = lag.unread(topic, partition);
        boolean drained = unread.isPresent() && unread.getAsLong() == 0;
        boolean outOfPatience = unread.isEmpty() && quietFor >= UNKNOWN_LAG_PATIENCE * idleAfter.toMillis();
        if (outOfPatience) {
            LOG.warn("no consumer lag known for {}-{} after {} s without posts; treating it as idle",
                    topic, partition, quietFor / 1000);
        }
        if (drained || outOfPatience) {
            idle = true;
            tick(context.currentStreamTimeMs(), true);
        }
    }

    private void tick(long streamTime, boolean idleNow) {
        int source = context.taskId().partition();
        context.forward(new Record<>(ServiceSignal.TICK_KEY, ServiceSignal.tick(source, streamTime, idleNow),
                Math.max(streamTime, 0), new RecordHeaders()));
    }
}
