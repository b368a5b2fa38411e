package dev.outageradar.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PostTimestampExtractorTest {

    private final PostTimestampExtractor extractor = new PostTimestampExtractor();

    private long extract(String value, long brokerTime, long partitionTime) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        var record = new ConsumerRecord<Object, Object>("posts", 0, 0, brokerTime,
                org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME, 0, 0, null, bytes,
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
        return extractor.extract(record, partitionTime);
    }

    @Test
    void eventTimeIsCreatedAtNotTheBrokerTime() {
        long time = extract("{\"text\":\"x\",\"nested\":{\"created_at\":5},\"created_at\":\"2024-09-30T14:02:11Z\"}",
                999_999_999_999L, 1);

        assertThat(time).isEqualTo(1_727_704_931_000L);
    }

    @Test
    void unusableRecordGetsThePartitionTimeSoItStillReachesTheDeadLetterTopic() {
        assertThat(extract("not json", 999_999_999_999L, 1_727_704_000_000L)).isEqualTo(1_727_704_000_000L);
        assertThat(extract(null, 999_999_999_999L, 1_727_704_000_000L)).isEqualTo(1_727_704_000_000L);
    }

    @Test
    void firstRecordOfAPartitionWithoutUsableTimeGetsTheEpochAndMovesNoClock() {
        // The broker's time may be years after the feed (a replay, or a topic with append time): taken as
        // event time it would close every window at once.
        assertThat(extract("{\"text\":\"x\"}", 1_795_000_000_000L, -1)).isZero();
    }
}
