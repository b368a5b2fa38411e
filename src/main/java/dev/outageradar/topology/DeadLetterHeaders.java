package dev.outageradar.topology;

import dev.outageradar.post.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers a dead-letter record carries next to its original, untouched bytes: why it was rejected and
 * where it came from, so it can be inspected, fixed and replayed.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dlq.reason";
    public static final String DETAIL = "dlq.detail";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";

    private DeadLetterHeaders() {
    }

    static Headers add(Headers headers, RejectReason reason, String detail, Optional<RecordMetadata> source) {
        put(headers, REASON, reason.name());
        put(headers, DETAIL, detail);
        source.ifPresent(meta -> {
            put(headers, SOURCE_TOPIC, meta.topic());
            put(headers, SOURCE_PARTITION, Integer.toString(meta.partition()));
            put(headers, SOURCE_OFFSET, Long.toString(meta.offset()));
        });
        return headers;
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
