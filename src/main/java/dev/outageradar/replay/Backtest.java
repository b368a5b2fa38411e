package dev.outageradar.replay;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.ServiceCount;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.topology.OutageTopology;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs the live topology over a feed file without a broker, at full speed: the very graph
 * {@link OutageTopology#build} returns, driven by Kafka Streams' TopologyTestDriver, with state in memory.
 * Event time comes from the posts, so the alerts are the ones the live application would emit for the
 * same feed played through one posts partition.
 */
public final class Backtest {

    /**
     * What the driver wrote is read (and the internal topics dropped) this often, so a long feed is not
     * held in memory. Not much more: on a sparse feed 10,000 posts can span days, and every closed window
     * writes each service's state (a few kilobytes) to a changelog the driver keeps until it is read;
     * the benchmark's month of 100 services ran out of a 512 MB heap that way.
     */
    private static final int DRAIN_EVERY = 1_000;

    /**
     * What a run saw.
     *
     * @param from start of the first window judged, null when none was
     * @param to   end of the last window judged
     */
    public record Summary(long lines, long rejected, long deadLetters, long alerts, Instant from, Instant to) {

        public Duration span() {
            return from == null ? Duration.ZERO : Duration.between(from, to);
        }
    }

    private Backtest() {
    }

    public static Summary run(Path feed, TopologySettings settings, ComplaintMatcher matcher,
                              Consumer<AlertEvent> onAlert) {
        return run(feed, FeedFormat.AUTO, settings, matcher, onAlert, count -> { }, rejected -> { });
    }

    /**
     * Reads the feed as {@code replay} does, so both give the topology the same posts: each post in the
     * normalized form, keyed by its author and timestamped with the time it is piped in, as the broker's
     * append time would be (the topology refuses a post dated well after it); bad records go to
     * {@code onReject} instead. Every closed window (the service-counts records) goes to {@code onCount}.
     */
    public static Summary run(Path feed, FeedFormat format, TopologySettings settings, ComplaintMatcher matcher,
                              Consumer<AlertEvent> onAlert, Consumer<ServiceCount> onCount,
                              Consumer<FeedEntry.Rejected> onReject) {
        TopologySettings offline = settings.withPostsPartitions(1).withInMemoryStores();
        long lines = 0;
        long rejected = 0;
        long deadLetters = 0;
        long alerts = 0;
        Span span = new Span(null, null);
        try (OfflineDriver offlineDriver = OfflineDriver.of(OutageTopology.build(offline, matcher), "outage-radar-backtest");
             FeedReader reader = FeedReader.open(feed, format, settings.maxTextLength())) {
            TopologyTestDriver driver = offlineDriver.driver();
            TestInputTopic<byte[], byte[]> posts = driver.createInputTopic(offline.topics().posts(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, AlertEvent> alertTopic = driver.createOutputTopic(offline.topics().alerts(),
                    new StringDeserializer(), OutageTopology.ALERT_SERDE.deserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(offline.topics().deadLetters(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<String, ServiceCount> counts = driver.createOutputTopic(offline.topics().counts(),
                    new StringDeserializer(), OutageTopology.COUNT_SERDE.deserializer());
            FeedEntry entry;
            while ((entry = reader.next()) != null) {
                lines++;
                if (entry instanceof FeedEntry.Accepted post) {
                    String author = post.post().author();
                    posts.pipeInput(author == null ? null : author.getBytes(StandardCharsets.UTF_8), post.json(),
                            Instant.now());
                } else {
                    rejected++;
                    onReject.accept((FeedEntry.Rejected) entry);
                }
                if (lines % DRAIN_EVERY == 0) {
                    discardInternal(driver, offline);
                    alerts += drain(alertTopic, onAlert);
                    deadLetters += dlq.readValuesToList().size();
                    span = span.plus(counts, onCount);
                }
            }
            alerts += drain(alertTopic, onAlert);
            deadLetters += dlq.readValuesToList().size();
            span = span.plus(counts, onCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(lines, rejected, deadLetters, alerts, span.from(), span.to());
    }

    /** The event-time span of the windows judged, from what the counts topic published. */
    private record Span(Instant from, Instant to) {

        Span plus(TestOutputTopic<String, ServiceCount> counts, Consumer<ServiceCount> onCount) {
            Instant first = from;
            Instant last = to;
            for (ServiceCount count : counts.readValuesToList()) {
                onCount.accept(count);
                first = first == null || count.windowStart().isBefore(first) ? count.windowStart() : first;
                last = last == null || count.windowEnd().isAfter(last) ? count.windowEnd() : last;
            }
            return new Span(first, last);
        }
    }

    /**
     * The test driver keeps every record produced to any topic until it is read, the topology's own
     * repartition topics included: left alone, they hold a copy of every post and a long feed runs out of heap.
     */
    private static void discardInternal(TopologyTestDriver driver, TopologySettings settings) {
        var outputs = settings.topics();
        for (String topic : driver.producedTopicNames()) {
            if (!topic.equals(outputs.alerts()) && !topic.equals(outputs.counts())
                    && !topic.equals(outputs.deadLetters())) {
                driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .readRecordsToList();
            }
        }
    }

    private static long drain(TestOutputTopic<String, AlertEvent> topic, Consumer<AlertEvent> onAlert) {
        long n = 0;
        while (!topic.isEmpty()) {
            onAlert.accept(topic.readValue());
            n++;
        }
        return n;
    }

}
