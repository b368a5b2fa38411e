package dev.outageradar.bench;

import dev.outageradar.replay.FeedEntry;
import dev.outageradar.replay.FeedFormat;
import dev.outageradar.replay.FeedReader;
import dev.outageradar.replay.OfflineDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Drives a topology over a feed file with Kafka Streams' TopologyTestDriver, as the backtest does, and
 * times only the driver's work: the feed is read a batch at a time outside the clock, so outage-radar and
 * the bare count are timed on exactly the same records, keyed by author and stamped with the post's time.
 * Everything the topology writes is read and dropped after each batch, as the driver keeps it otherwise.
 */
public final class OfflineThroughput {

    /**
     * Posts per batch. Small, because the driver keeps every changelog record until it is read: in a sparse
     * feed (the simulated month) a batch spans hours of windows, each writing every service's state.
     */
    private static final int BATCH = 1_000;

    /**
     * @param records  posts piped in
     * @param nanos    time spent in the driver
     * @param counted  records the topology wrote to {@code countedTopic} (alerts, for outage-radar)
     * @param stores   the state stores at the end of the run
     */
    public record Result(long records, long nanos, long counted, List<StoreSize> stores, HeapWatch.Figures heap) {

        public double perSecond() {
            return nanos == 0 ? 0 : records * 1e9 / nanos;
        }
    }

    private OfflineThroughput() {
    }

    public static Result run(Topology topology, String postsTopic, String countedTopic, Path feed, int maxTextLength) {
        HeapWatch heap = HeapWatch.start();
        long records = 0;
        long nanos = 0;
        long counted = 0;
        try (OfflineDriver offlineDriver = OfflineDriver.of(topology, "outage-radar-bench");
             FeedReader reader = FeedReader.open(feed, FeedFormat.AUTO, maxTextLength)) {
            TopologyTestDriver driver = offlineDriver.driver();
            TestInputTopic<byte[], byte[]> posts = driver.createInputTopic(postsTopic, new ByteArraySerializer(),
                    new ByteArraySerializer());
            List<FeedEntry.Accepted> batch = new ArrayList<>(BATCH);
            while (fill(reader, batch)) {
                long start = System.nanoTime();
                for (FeedEntry.Accepted entry : batch) {
                    String author = entry.post().author();
                    posts.pipeInput(author == null ? null : author.getBytes(StandardCharsets.UTF_8), entry.json(),
                            entry.post().createdAt());
                }
                counted += drainAll(driver, countedTopic);
                nanos += System.nanoTime() - start;
                records += batch.size();
                batch.clear();
            }
            return new Result(records, nanos, counted, StoreSize.of(driver.getAllStateStores()), heap.figures());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fill(FeedReader reader, List<FeedEntry.Accepted> batch) {
        FeedEntry entry;
        while (batch.size() < BATCH && (entry = reader.next()) != null) {
            if (entry instanceof FeedEntry.Accepted accepted) {
                batch.add(accepted);
            }
        }
        return !batch.isEmpty();
    }

    /** Reads every topic the topology wrote to; returns how many records {@code countedTopic} had. */
    private static long drainAll(TopologyTestDriver driver, String countedTopic) {
        long counted = 0;
        for (String topic : driver.producedTopicNames()) {
            var records = driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList();
            if (topic.equals(countedTopic)) {
                counted += records.size();
            }
        }
        return counted;
    }

}
