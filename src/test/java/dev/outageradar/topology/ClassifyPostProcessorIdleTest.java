package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.post.Post;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * A posts partition stops holding back the closing of windows only when it is quiet (no post for
 * {@code idleAfter} of wall clock) and drained (nothing left to fetch): a partition whose posts are
 * merely waiting behind a busy stream thread must keep the windows open for them.
 */
class ClassifyPostProcessorIdleTest {

    private static final ComplaintMatcher MATCHER =
            ComplaintMatcher.compile(ServiceCatalog.load(Path.of("config/services.yaml")));
    private static final Duration IDLE_AFTER = Duration.ofSeconds(30);
    private static final int PARTITION = 2;
    private static final Instant POSTED = Instant.parse("2024-09-10T20:00:00Z");

    private OptionalLong unread = OptionalLong.empty();
    private final MockProcessorContext<String, ServiceSignal> context = new MockProcessorContext<>(config(),
            new TaskId(0, PARTITION), null);
    private final ClassifyPostProcessor processor = new ClassifyPostProcessor(MATCHER, Duration.ofSeconds(10),
            IDLE_AFTER, Duration.ofSeconds(30), (topic, partition) -> topic.equals("posts") && partition == PARTITION
                    ? unread : OptionalLong.empty(), "posts", PipelineMetrics.unpublished());

    @Test
    void aQuietDrainedPartitionGoesIdle() {
        start();
        post();
        unread = OptionalLong.of(0);

        wallClockAfterLastPost(IDLE_AFTER);

        assertThat(idleTicks()).containsExactly(POSTED.toEpochMilli());
    }

    @Test
    void aQuietPartitionWithPostsLeftToReadKeepsTheWindowsOpen() {
        start();
        post();
        unread = OptionalLong.of(12_000);

        wallClockAfterLastPost(IDLE_AFTER.multipliedBy(10));

        assertThat(idleTicks()).isEmpty();
    }

    @Test
    void aPartitionWithPostsStillComingIsNotIdleHoweverDrained() {
        start();
        post();
        unread = OptionalLong.of(0);

        wallClockAfterLastPost(IDLE_AFTER.minusSeconds(1));

        assertThat(idleTicks()).isEmpty();
    }

    @Test
    void withoutAnyKnownLagTheWallClockDecidesAfterAPatientWait() {
        start();
        post();

        wallClockAfterLastPost(IDLE_AFTER.multipliedBy(ClassifyPostProcessor.UNKNOWN_LAG_PATIENCE).minusSeconds(1));
        assertThat(idleTicks()).isEmpty();

        wallClockAfterLastPost(IDLE_AFTER.multipliedBy(ClassifyPostProcessor.UNKNOWN_LAG_PATIENCE));
        assertThat(idleTicks()).hasSize(1);
    }

    @Test
    void aPostAfterIdlenessReportsThePartitionActiveAgain() {
        start();
        post();
        unread = OptionalLong.of(0);
        wallClockAfterLastPost(IDLE_AFTER);
        context.resetForwards();

        post();

        assertThat(ticks()).singleElement().satisfies(tick -> {
            assertThat(tick.idle()).isFalse();
            assertThat(tick.source()).isEqualTo(PARTITION);
        });
    }

    private void start() {
        context.setCurrentSystemTimeMs(0);
        processor.init(context);
    }

    private long lastPostAt;

    private void post() {
        context.setCurrentStreamTimeMs(POSTED.toEpochMilli());
        lastPostAt = context.currentSystemTimeMs();
        processor.process(new Record<>(new byte[0], new Post("1", POSTED, "nice weather today", "someone", null,
                null, null), POSTED.toEpochMilli()));
    }

    /** Runs the idle check as Kafka Streams would once this much wall clock has passed since the last post. */
    private void wallClockAfterLastPost(Duration elapsed) {
        long now = lastPostAt + elapsed.toMillis();
        context.setCurrentSystemTimeMs(now);
        for (var punctuator : context.scheduledPunctuators()) {
            punctuator.getPunctuator().punctuate(now);
        }
    }

    private List<ServiceSignal> ticks() {
        return context.forwarded().stream().<ServiceSignal>map(forward -> forward.record().value())
                .filter(signal -> signal.kind() == ServiceSignal.Kind.TICK).toList();
    }

    private List<Long> idleTicks() {
        return ticks().stream().filter(ServiceSignal::idle).map(ServiceSignal::sourceTime).toList();
    }

    private static Properties config() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "classify-idle-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return props;
    }
}
