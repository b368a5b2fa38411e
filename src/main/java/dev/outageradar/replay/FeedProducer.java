package dev.outageradar.replay;

import dev.outageradar.post.PostTimestampExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends every line of a feed, as is, to the posts topic, in file order and as fast as the broker takes it.
 * The record timestamp is the post's own time where it has one, so broker-side retention and tools see
 * event time; malformed lines are sent too: the application, not the producer, decides what is bad.
 *
 * <p>Line n goes to partition n mod partitions. Every partition then advances through the feed's event
 * time at the same pace and reaches its end together, so no partition holds back the closing of windows
 * (the detector waits for the slowest one), and the assignment is the same on every replay.
 */
public final class FeedProducer {

    private FeedProducer() {
    }

    /** @return the number of records sent */
    public static long send(Path feed, String topic, Properties clientProps) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long sent = 0;
        try (BufferedReader lines = FeedFiles.open(feed);
             KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            int partitions = producer.partitionsFor(topic).size();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                byte[] value = line.getBytes(StandardCharsets.UTF_8);
                long createdAt = PostTimestampExtractor.createdAtMillis(value);
                int partition = (int) (sent % partitions);
                producer.send(new ProducerRecord<>(topic, partition, createdAt >= 0 ? createdAt : null, null, value));
                sent++;
            }
            producer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sent;
    }
}
