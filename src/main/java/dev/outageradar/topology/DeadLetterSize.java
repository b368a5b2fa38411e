package dev.outageradar.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Keeps a dead letter small enough to be sent. A record may be as large as the posts topic takes, and its dead
 * letter adds the dlq.* headers: at the topic's limit, the dead letter goes over the producer's
 * {@code max.request.size} (1 MiB by default), the send fails and the application stops, which is what a
 * bad record must never do. So a dead letter whose key, value and headers come to more than
 * {@value #MAX_BYTES} bytes is cut: the end of its value, or, when its key and headers alone are that large,
 * the record's own headers, its value and the end of its key. {@link DeadLetterHeaders#TRUNCATED} says what
 * was cut. No post that could be accepted comes near that size.
 */
final class DeadLetterSize {

    /** Well under Kafka's default 1 MiB for a request and a record, leaving room for the batch's framing. */
    static final int MAX_BYTES = 1_000_000;
    /** For the dlq.truncated header itself and the per-field length prefixes. */
    private static final int ALLOWANCE = 1_000;

    /** A dead letter as it will be sent. */
    record Letter(byte[] key, byte[] value, Headers headers) {
    }

    private DeadLetterSize() {
    }

    static Letter fit(byte[] key, byte[] value, Headers headers) {
        int keyBytes = length(key);
        int valueBytes = length(value);
        int headerBytes = size(headers);
        if (keyBytes + valueBytes + headerBytes <= MAX_BYTES) {
            return new Letter(key, value, headers);
        }
        int room = MAX_BYTES - ALLOWANCE - keyBytes - headerBytes;
        if (room >= 0) {
            DeadLetterHeaders.truncated(headers, "value cut from " + valueBytes + " to " + room + " bytes");
            return new Letter(key, Arrays.copyOf(value, room), headers);
        }
        Headers ours = new RecordHeaders();
        for (Header header : headers) {
            if (header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                ours.add(header);
            }
        }
        int keyRoom = Math.max(0, MAX_BYTES - ALLOWANCE - size(ours));
        byte[] cutKey = keyBytes <= keyRoom ? key : Arrays.copyOf(key, keyRoom);
        DeadLetterHeaders.truncated(ours, "key cut from " + keyBytes + " to " + length(cutKey) + " bytes; value ("
                + valueBytes + " bytes) and the record's own headers (" + (headerBytes - size(ours)) + " bytes) dropped");
        return new Letter(cutKey, value == null ? null : new byte[0], ours);
    }

    private static int size(Headers headers) {
        int total = 0;
        for (Header header : headers) {
            total += header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
        }
        return total;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
