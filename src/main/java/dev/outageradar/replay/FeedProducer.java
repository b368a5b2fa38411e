package dev.outageradar.replay;

import dev.outageradar.config.ConfigException;
import dev.outageradar.post.ParseResult;
import dev.outageradar.post.PostParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends posts, in the normalized form, to the posts topic. A record's timestamp is left to the producer: the
 * time it is sent, as Kafka means it. The application reads event time from the post and takes the record's
 * timestamp for the moment the post reached Kafka, refusing a post dated well after it
 * (PostTimestampExtractor); stamped with the post's own time, a post dated 2099 would pass that check, and a
 * Kafka 4 broker refuses a create time over an hour ahead of its clock, failing the whole batch.
 *
 * <p>A post is keyed by its author, so one author's posts stay in order on one partition: counting an author
 * once per horizon then gives the same result on every replay. A post without an author goes to partition
 * (line number mod partitions), which spreads them evenly and the same way every time.
 *
 * <p>The first records go one at a time, each acknowledged before the next, until every partition has one
 * (or {@link #CAREFUL_RECORDS} were sent): an idempotent producer pipelining requests to a partition the
 * broker has only just created can have a request rejected while a later one is appended, and the
 * rejected one is then never written (KAFKA-15591, fixed in Kafka 4.5). Once the broker holds this
 * producer's state for a partition, pipelining is safe. A replay usually starts right after {@code run}
 * created the topics.
 */
public final class FeedProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int partitions;
    static final int CAREFUL_RECORDS = 1_000;
    /** Only the author is wanted from a line: a longer text than the app accepts must not hide it. */
    private static final int AUTHOR_LOOKUP_TEXT_LIMIT = 1_000_000;

    private long sent;
    private final boolean[] acknowledged;
    private int partitionsWithoutAck;
    /** The first failed send: reported on the next send or flush, the producer's callbacks being async. */
    private volatile Exception failure;

    public FeedProducer(Properties clientProps, String topic) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.partitions = partitionsOf(producer, topic);
        this.acknowledged = new boolean[partitions];
        this.partitionsWithoutAck = partitions;
    }

    /**
     * Sends every line of a feed file, as is, as fast as the broker takes it: malformed lines too, for the
     * application (not the producer) to send to the dead-letter topic, as the demo shows. A line the app
     * will read as a post is keyed by its author, as {@link #send(FeedEntry.Accepted)} keys posts, so that
     * counting an author once per horizon gives what the backtest gives.
     */
    public static long sendLines(Path feed, String topic, Properties clientProps) {
        try (BufferedReader lines = FeedFiles.open(feed);
             FeedProducer producer = new FeedProducer(clientProps, topic)) {
            PostParser authors = new PostParser(AUTHOR_LOOKUP_TEXT_LIMIT);
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                byte[] value = line.getBytes(StandardCharsets.UTF_8);
                String author = authors.parse(value) instanceof ParseResult.Parsed parsed ? parsed.post().author() : null;
                producer.send(author == null
                        ? new ProducerRecord<>(topic, (int) (number % producer.partitions), null, value)
                        : new ProducerRecord<>(topic, author.getBytes(StandardCharsets.UTF_8), value));
            }
            producer.flush();
            return producer.sent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(FeedEntry.Accepted post) {
        String author = post.post().author();
        send(author == null
                ? new ProducerRecord<>(topic, (int) (post.line() % partitions), null, post.json())
                : new ProducerRecord<>(topic, author.getBytes(StandardCharsets.UTF_8), post.json()));
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        Future<RecordMetadata> result = producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure = e;
            }
        });
        if (partitionsWithoutAck > 0 && sent < CAREFUL_RECORDS) {
            awaitFirstAck(result);
        }
        if (failure != null) {
            throw new ConfigException("cannot send to " + topic + ": " + failure.getMessage());
        }
        sent++;
    }

    private void awaitFirstAck(Future<RecordMetadata> result) {
        try {
            int partition = result.get().partition();
            if (!acknowledged[partition]) {
                acknowledged[partition] = true;
                partitionsWithoutAck--;
            }
        } catch (ExecutionException e) {
            failure = e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        }
    }

    public void flush() {
        producer.flush();
        if (failure != null) {
            throw new ConfigException("cannot send to " + topic + ": " + failure.getMessage());
        }
    }

    public long sent() {
        return sent;
    }

    @Override
    public void close() {
        producer.close();
    }

    private static int partitionsOf(KafkaProducer<byte[], byte[]> producer, String topic) {
        try {
            return producer.partitionsFor(topic).size();
        } catch (AuthenticationException | AuthorizationException e) {
            // Not a missing topic: the command line reports refused credentials as such.
            producer.close();
            throw e;
        } catch (RuntimeException e) {
            producer.close();
            throw new ConfigException("cannot find topic " + topic + ": " + e.getMessage());
        }
    }
}
