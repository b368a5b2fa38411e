package dev.outageradar.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PostTimestampExtractorTest {

    private static final long SENT = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private final PostTimestampExtractor extractor =
            new PostTimestampExtractor(new PostParser(280), Duration.ofMinutes(5));

    private long extract(String value, long recordTime, long partitionTime) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        var record = new ConsumerRecord<Object, Object>("posts", 0, 0, recordTime, TimestampType.LOG_APPEND_TIME, 0, 0,
                null, bytes, new RecordHeaders(), Optional.empty());
        return extractor.extract(record, partitionTime);
    }

    private static String post(long createdAt) {
        return "{\"text\":\"spotify down\",\"created_at\":" + createdAt + "}";
    }

    @Test
    void eventTimeIsCreatedAtNotTheBrokerTime() {
        long time = extract("{\"text\":\"x\",\"nested\":{\"created_at\":5},\"created_at\":\"2024-09-30T14:02:11Z\"}",
                SENT, 1);

        assertThat(time).isEqualTo(1_727_704_931_000L);
    }

    @Test
    void unusableRecordGetsThePartitionTimeSoItStillReachesTheDeadLetterTopic() {
        assertThat(extract("not json", SENT, 1_727_704_000_000L)).isEqualTo(1_727_704_000_000L);
        assertThat(extract(null, SENT, 1_727_704_000_000L)).isEqualTo(1_727_704_000_000L);
    }

    @Test
    void aRecordThatWillBeRejectedMovesNoClockEvenWithAGoodCreatedAt() {
        long later = 1_727_704_931_000L;

        assertThat(extract("{\"created_at\":" + later + "}", SENT, 1_727_704_000_000L)).isEqualTo(1_727_704_000_000L);
        assertThat(extract("{\"created_at\":" + later + ",\"text\":\"" + "a".repeat(281) + "\"}", SENT,
                1_727_704_000_000L)).isEqualTo(1_727_704_000_000L);
        assertThat(extract("{\"created_at\":" + later + ",\"text\":\"a\"} trailing", SENT, 1_727_704_000_000L))
                .isEqualTo(1_727_704_000_000L);
    }

    @Test
    void firstRecordOfAPartitionWithoutUsableTimeGetsTheEpochAndMovesNoClock() {
        // The broker's time may be years after the feed (a replay, or a topic with append time): taken as
        // event time it would close every window at once.
        assertThat(extract("{\"text\":\"x\"}", 1_795_000_000_000L, -1)).isZero();
    }

    @Test
    void aPostMayBeDatedUpToTheSkewAfterItsRecordReachedKafka() {
        assertThat(extract(post(SENT + 5 * MINUTE), SENT, SENT - 60 * MINUTE)).isEqualTo(SENT + 5 * MINUTE);
        assertThat(extract(post(SENT + 5 * MINUTE + 1), SENT, SENT - 60 * MINUTE)).isEqualTo(SENT - 60 * MINUTE);
    }

    @Test
    void aPostFromTheFarFutureFirstInItsPartitionGetsTheEpoch() {
        assertThat(extract(post(Instant.parse("9999-12-31T00:00:00Z").toEpochMilli()), SENT, -1)).isZero();
    }

    @Test
    void anArchivedPostIsYearsBeforeItsRecordAndKeepsItsTime() {
        long archived = Instant.parse("2024-09-30T14:02:11Z").toEpochMilli();

        assertThat(extract(post(archived), SENT, archived - MINUTE)).isEqualTo(archived);
    }

    @Test
    void aPostAheadOfItsRecordButWithinTheSkewOfItsPartitionCannotMoveTheClockFarAndIsKept() {
        // A record stamped earlier than its neighbours (a producer's slow clock): the partition is already there.
        long partition = SENT + 60 * MINUTE;

        assertThat(extract(post(partition + 5 * MINUTE), SENT, partition)).isEqualTo(partition + 5 * MINUTE);
        assertThat(extract(post(partition + 6 * MINUTE), SENT, partition)).isEqualTo(partition);
    }

    @Test
    void theParseStepRejectsAPostWhoseTimeWasRefusedAndKeepsAnyOther() {
        var parsed = (ParseResult.Parsed) new PostParser(280).parse(post(SENT + 60 * MINUTE).getBytes(StandardCharsets.UTF_8));

        assertThat(extractor.confirm(parsed, SENT + 60 * MINUTE)).isSameAs(parsed);
        assertThat(extractor.confirm(parsed, SENT)).isEqualTo(new ParseResult.Rejected(RejectReason.TIMESTAMP_IN_FUTURE,
                "created_at 2026-11-23T13:00:00Z is more than 5m after the time its record reached Kafka and the"
                        + " partition's latest post (post.max.future.skew); taken as event time it would close every"
                        + " open window"));
    }
}
