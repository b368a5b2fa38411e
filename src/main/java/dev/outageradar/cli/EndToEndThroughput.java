package dev.outageradar.cli;

import dev.outageradar.broker.EmbeddedKafkaBroker;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.StreamsProperties;
import dev.outageradar.replay.FeedProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Row (2) of the bench: a feed produced in full to a fresh embedded broker first, then read by the
 * production app (as {@code run} starts it) or by a plain consumer, the ceiling. The app's clock stops
 * when its posts counter has every record of the topic and, with exactly_once_v2, the transaction holding
 * them has committed (the group's offsets reach the end: what those posts caused, alerts included, is then
 * readable under read_committed). With at_least_once results are written without a transaction and the
 * offsets are committed only every commit.interval.ms (30 s), which the clock does not wait for.
 */
final class EndToEndThroughput {

    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    /**
     * @param records  records on the posts topic, malformed lines included
     * @param startNanos from asking the app to start to Kafka Streams running (topics checked, group joined)
     * @param nanos    from running to every record read (and committed, with exactly_once_v2)
     * @param alerts   events on the alert topic at the end, read_committed
     */
    record Result(long records, long startNanos, long nanos, long alerts) {

        double perSecond() {
            return records * 1e9 / Math.max(1, nanos);
        }
    }

    /** What producing the feed took; the broker is left running for the readers. */
    record Produced(EmbeddedKafkaBroker broker, AppConfig app, long records, long nanos) implements AutoCloseable {

        @Override
        public void close() {
            broker.close();
        }
    }

    private EndToEndThroughput() {
    }

    /** A fresh broker with the app's topics, the feed sent to the posts topic as {@code replay --pace max} would. */
    /** @param work where the app's state directory goes, removed after the run */
    static Produced produce(AppConfig base, Path catalog, Path feed, String guarantee, Path work) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
        try {
            String bootstrap = broker.bootstrapServers();
            AppConfig app = BenchApp.config(base, bootstrap, catalog, "outage-radar-bench-e2e", BenchApp.freshStateDir(work),
                    guarantee);
            Pipeline.provisionTopics(app, bootstrap);
            long start = System.nanoTime();
            long sent = FeedProducer.sendLines(feed, app.topology().topics().posts(),
                    StreamsProperties.clientsOf(app, bootstrap));
            return new Produced(broker, app, sent, System.nanoTime() - start);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** The ceiling: a plain consumer reading the whole posts topic from the beginning. */
    static Result plainConsumer(Produced produced) {
        Properties props = StreamsProperties.clientsOf(produced.app(), produced.broker().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        String topic = produced.app().topology().topics().posts();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            long start = System.nanoTime();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            while (read < produced.records()) {
                read += consumer.poll(Duration.ofMillis(100)).count();
                failAfter(deadline, "the plain consumer read " + read + " of " + produced.records() + " records");
            }
            return new Result(read, 0, System.nanoTime() - start, 0);
        }
    }

    /** The production app over the produced feed, with the processing guarantee the feed was produced for. */
    static Result app(Produced produced) {
        AppConfig app = produced.app();
        long start = System.nanoTime();
        try (Pipeline pipeline = Pipeline.start(app, false)) {
            long running = System.nanoTime();
            long deadline = running + TIMEOUT.toNanos();
            while (pipeline.postsRead() < produced.records()) {
                failAfter(deadline, "the app read " + pipeline.postsRead() + " of " + produced.records() + " posts");
                Pipeline.sleep(5);
            }
            if (StreamsConfig.EXACTLY_ONCE_V2.equals(app.kafka().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
                awaitCommitted(produced, deadline);
            }
            long nanos = System.nanoTime() - running;
            return new Result(pipeline.postsRead(), running - start, nanos, alerts(produced));
        } finally {
            BenchApp.delete(app.stateDir());
        }
    }

    private static void awaitCommitted(Produced produced, long deadline) {
        AppConfig app = produced.app();
        String topic = app.topology().topics().posts();
        try (Admin admin = Admin.create(StreamsProperties.clientsOf(app, produced.broker().bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        Map.of(app.applicationId(), new ListConsumerGroupOffsetsSpec().topicPartitions(ends.keySet())))
                        .partitionsToOffsetAndMetadata(app.applicationId()).get();
                boolean all = ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    return end.getValue().offset() == 0 || offset != null && offset.offset() >= end.getValue().offset();
                });
                if (all) {
                    return;
                }
                failAfter(deadline, "the app's offsets did not reach the end of " + topic);
                Pipeline.sleep(5);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the app's offsets: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every event on the alert topic, read_committed from the beginning to its end. */
    private static long alerts(Produced produced) {
        return AlertTopicReader.count(produced.app(), produced.broker().bootstrapServers());
    }

    static void failAfter(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("bench timed out: " + what);
        }
    }
}
