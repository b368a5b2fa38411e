package dev.outageradar.post;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a post is its {@code created_at}, never the broker's append time, so a replayed archive is
 * windowed exactly like the live stream it came from. Only posts that will be accepted move event time:
 * the extractor judges each record with the same {@link PostParser} as the parse step.
 *
 * <p>A record that will be dead-lettered must still reach the parse step: returning a negative timestamp
 * would make Kafka Streams drop it with only a log line. It gets the partition's current stream time (the
 * epoch before there is one), so it moves no clock; the broker's timestamp is no substitute, as it may be
 * years after the feed.
 *
 * <p><b>Posts from the future.</b> Stream time is the highest event time seen and windows close behind
 * it, so one post dated 2099 would close every open window and make every later post late. A post may
 * therefore be dated at most {@code maxFutureSkew} after its record's Kafka timestamp, which says when the
 * record reached Kafka (the producer's send time, or the broker's append time on a topic with
 * LogAppendTime, as the app creates its topics): nobody posts after the post was sent. The skew allows for
 * clocks that disagree; it must stay below the broker's limit on record times (an hour by default), since the
 * post's time goes on as the create time of the repartition record. Such a post gets the partition's stream
 * time instead of its own, and
 * {@link #confirm} turns it into a {@link RejectReason#TIMESTAMP_IN_FUTURE} rejection.
 *
 * <p>The reference is the record's timestamp, not the wall clock of the processing, because it is stored
 * with the record: processing the topic again, later or from a copy in the same order, takes the same
 * decisions. Against the wall clock, a post dated ten minutes ahead would be refused live and accepted by a
 * reprocessing an hour later. A bound on the partition's own stream time would refuse every real post after
 * a quiet spell longer than the bound, and for good, since refused posts do not move it.
 *
 * <p>A post no later than the partition's stream time plus the skew is accepted whatever its record says:
 * it cannot move the clock. A producer that stamps each record with its post's own time gets no protection
 * from this rule (a Kafka 4 broker still refuses create times over an hour ahead of its clock).
 */
public final class PostTimestampExtractor implements TimestampExtractor {

    /** How many recent parses each stream thread remembers; see {@link #parse}. */
    private static final int REMEMBERED = 4;

    private final PostParser parser;
    private final Duration maxFutureSkew;
    /**
     * Per stream thread, the records this extractor parsed last and the results. Kafka Streams extracts a
     * record's time shortly before it processes it (when the record before it leaves the partition's queue),
     * so the parse step usually finds its record here and need not parse it again.
     */
    private final ThreadLocal<RecentParses> recent = ThreadLocal.withInitial(RecentParses::new);

    /**
     * @param parser        judges records exactly as the parse step will
     * @param maxFutureSkew how far a post's time may be ahead of its record's Kafka timestamp
     */
    public PostTimestampExtractor(PostParser parser, Duration maxFutureSkew) {
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must not be negative: " + maxFutureSkew);
        }
        this.parser = parser;
        this.maxFutureSkew = maxFutureSkew;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        byte[] value = record.value() instanceof byte[] bytes ? bytes : null;
        ParseResult result = parser.parse(value);
        recent.get().remember(value, result);
        if (result instanceof ParseResult.Parsed parsed) {
            long createdAt = parsed.post().createdAt().toEpochMilli();
            if (!isAhead(createdAt, Math.max(record.timestamp(), partitionTime))) {
                return createdAt;
            }
        }
        return Math.max(0, partitionTime);
    }

    /**
     * The parser's result for a record's value: the one {@link #extract} computed when it was this very
     * array (the source hands the parse step the consumer record's own bytes) on this thread, otherwise a
     * fresh parse. Either way the same result, since parsing depends only on the bytes.
     */
    public ParseResult parse(byte[] value) {
        ParseResult remembered = value == null ? null : recent.get().take(value);
        return remembered != null ? remembered : parser.parse(value);
    }

    /**
     * What the parse step makes of a parsed post, given the event time its record was given: the post, or a
     * rejection when the extractor refused the post's own time. A refused time is always below
     * {@code created_at}: it is the stream time, which the post leads by more than the skew, or the epoch.
     */
    public ParseResult confirm(ParseResult.Parsed parsed, long eventTime) {
        Instant createdAt = parsed.post().createdAt();
        if (createdAt.toEpochMilli() == eventTime) {
            return parsed;
        }
        return new ParseResult.Rejected(RejectReason.TIMESTAMP_IN_FUTURE, "created_at " + createdAt
                + " is more than " + words(maxFutureSkew) + " after the time its record reached Kafka and the"
                + " partition's latest post (post.max.future.skew); taken as event time it would close every"
                + " open window");
    }

    private boolean isAhead(long createdAt, long reference) {
        long skew = maxFutureSkew.toMillis();
        return reference <= Long.MAX_VALUE - skew && createdAt > reference + skew;
    }

    private static String words(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** A few (bytes, result) pairs in a ring, matched by identity: the same array holds the same bytes. */
    private static final class RecentParses {

        private final byte[][] values = new byte[REMEMBERED][];
        private final ParseResult[] results = new ParseResult[REMEMBERED];
        private int next;

        void remember(byte[] value, ParseResult result) {
            values[next] = value;
            results[next] = result;
            next = (next + 1) % REMEMBERED;
        }

        ParseResult take(byte[] value) {
            for (int i = 0; i < REMEMBERED; i++) {
                if (values[i] == value) {
                    values[i] = null;
                    ParseResult result = results[i];
                    results[i] = null;
                    return result;
                }
            }
            return null;
        }
    }
}
