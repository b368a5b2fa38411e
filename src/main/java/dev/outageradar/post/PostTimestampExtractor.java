package dev.outageradar.post;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a post is its {@code created_at}, never the broker's append time, so a replayed archive is
 * windowed exactly like the live stream it came from.
 *
 * <p>A record without a usable time must still reach the parser, which sends it to the dead-letter topic:
 * returning a negative timestamp would make Kafka Streams drop it with only a log line. Such a record
 * gets the partition's current stream time (the epoch before there is one), so it never moves stream time;
 * the broker's timestamp is no substitute, as it may be years after the feed.
 */
public final class PostTimestampExtractor implements TimestampExtractor {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof byte[] value) {
            long createdAt = createdAtMillis(value);
            if (createdAt >= 0) {
                return createdAt;
            }
        }
        // Before the partition has a stream time, the epoch: it moves no clock, and the record is rejected.
        return Math.max(0, partitionTime);
    }

    /** The top-level {@code created_at} in epoch millis, or -1 when it is missing or malformed. */
    public static long createdAtMillis(byte[] value) {
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("created_at".equals(field)) {
                    return EventTimes.parse(parser, token).toEpochMilli();
                }
                parser.skipChildren();
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
