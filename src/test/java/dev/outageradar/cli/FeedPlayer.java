package dev.outageradar.cli;

import dev.outageradar.topology.Names;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays the {@link FaultFeed} into the posts topic on a thread of its own, one feed minute per {@link #PACE},
 * each post to its partition, so that posts keep flowing while a test hurts the application or the
 * cluster. It holds before {@link FaultFeed#RESOLVING_MINUTE} until {@link #release()}: the posts that end
 * the incidents are sent only after the fault, which thus always strikes an open incident.
 *
 * <p>The producer is idempotent and waits for every in-sync replica: a post it sent is in the topic once,
 * whatever the broker went through meanwhile (it retries for up to two minutes). One request in flight:
 * with several, a broker before Kafka 4.5 can drop one for good (KAFKA-15591), and a post the feed lost
 * would look like an alert the application lost.
 */
final class FeedPlayer implements AutoCloseable {

    /** Two hours of feed in about 20 s: the outage's alerts come while posts still flow. */
    static final Duration PACE = Duration.ofMillis(150);

    private final List<FaultFeed.Post> posts;
    private final KafkaProducer<byte[], byte[]> producer;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger minutesSent = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    FeedPlayer(String bootstrapServers) {
        this.posts = FaultFeed.posts();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.thread = new Thread(this::play, "feed-player");
        thread.setDaemon(true);
    }

    FeedPlayer start() {
        thread.start();
        return this;
    }

    private void play() {
        try {
            int minute = -1;
            for (FaultFeed.Post post : posts) {
                if (post.minute() != minute) {
                    if (minute >= 0) {
                        producer.flush();
                        minutesSent.set(minute + 1);
                        Thread.sleep(PACE.toMillis());
                    }
                    minute = post.minute();
                    if (minute == FaultFeed.RESOLVING_MINUTE) {
                        released.await();
                    }
                }
                producer.send(new ProducerRecord<>(Names.DEFAULT_POSTS_TOPIC, post.partition(), key(post),
                        utf8(post.json())));
            }
            producer.flush();
            minutesSent.set(minute + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    private static byte[] key(FaultFeed.Post post) {
        return utf8(post.author());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Lets the player go on past the minute it holds before. */
    void release() {
        released.countDown();
    }

    /** Feed minutes sent and acknowledged so far. */
    int minutesSent() {
        return minutesSent.get();
    }

    /** Waits until every post is sent and acknowledged; fails with the producer's error, if any. */
    void awaitAllSent(Duration deadline) {
        try {
            thread.join(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (failure.get() != null) {
            throw new AssertionError("the feed could not be sent", failure.get());
        }
        if (thread.isAlive()) {
            throw new AssertionError("the feed was not sent within " + deadline + "; minutes sent: " + minutesSent());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
