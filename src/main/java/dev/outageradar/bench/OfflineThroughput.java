package dev.outageradar.bench;

import dev.outageradar.replay.FeedEntry;
import dev.outageradar.replay.FeedFormat;
import dev.outageradar.replay.FeedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
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
        Path stateDir = temporaryStateDir();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "outage-radar-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        HeapWatch heap = HeapWatch.start();
        long records = 0;
        long nanos = 0;
        long counted = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props);
             FeedReader reader = FeedReader.open(feed, FeedFormat.AUTO, maxTextLength)) {
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
        } finally {
            deleteQuietly(stateDir);
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

    private static Path temporaryStateDir() {
        try {
            return Files.createTempDirectory("outage-radar-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
