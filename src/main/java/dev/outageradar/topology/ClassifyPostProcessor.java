package dev.outageradar.topology;

import dev.outageradar.classify.Classification;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.post.Post;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns a post into one signal per service it complains about (or reports recovered), keyed by service.
 * It also reports this posts partition's event-time progress downstream as ticks: every
 * {@code tickInterval} of stream time, and once, as idle, when the partition has had no post for
 * {@code idleAfter} of wall-clock time (so an empty partition does not hold back everyone's windows).
 */
final class ClassifyPostProcessor implements Processor<byte[], Post, String, ServiceSignal> {

    private final ComplaintMatcher matcher;
    private final long tickIntervalMs;
    private final Duration idleAfter;
    private ProcessorContext<String, ServiceSignal> context;
    private long nextTickAt = Long.MIN_VALUE;
    private long lastPostWallClock;
    private boolean idle;

    ClassifyPostProcessor(ComplaintMatcher matcher, Duration tickInterval, Duration idleAfter) {
        this.matcher = matcher;
        this.tickIntervalMs = tickInterval.toMillis();
        this.idleAfter = idleAfter;
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
        if (!idle && wallClock - lastPostWallClock >= idleAfter.toMillis()) {
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
