package dev.outageradar.topology;

import dev.outageradar.post.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers a dead-letter record carries next to its original, untouched bytes: why it was rejected and
 * where it came from, so it can be inspected, fixed and replayed.
 */
public final class DeadLetterHeaders {

    /** Every header this class writes starts so; any other is the original record's own. */
    public static final String PREFIX = "dlq.";
    public static final String REASON = "dlq.reason";
    public static final String DETAIL = "dlq.detail";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** Only on a dead letter too large to send whole: what was cut (see DeadLetterSize). */
    public static final String TRUNCATED = "dlq.truncated";

    private DeadLetterHeaders() {
    }

    /**
     * Adds the dlq.* headers to a copy of the record's own. Any dlq.* header the record already had (a dead
     * letter replayed as it was, or a forgery) is dropped first: those names say what this application found.
     */
    static Headers add(Headers headers, RejectReason reason, String detail, Optional<RecordMetadata> source) {
        for (Header header : headers.toArray()) {
            if (header.key().startsWith(PREFIX)) {
                headers.remove(header.key());
            }
        }
        put(headers, REASON, reason.name());
        put(headers, DETAIL, detail);
        source.ifPresent(meta -> {
            put(headers, SOURCE_TOPIC, meta.topic());
            put(headers, SOURCE_PARTITION, Integer.toString(meta.partition()));
            put(headers, SOURCE_OFFSET, Long.toString(meta.offset()));
        });
        return headers;
    }

    static void truncated(Headers headers, String what) {
        put(headers, TRUNCATED, what);
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
