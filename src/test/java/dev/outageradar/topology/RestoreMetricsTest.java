package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What Kafka Streams tells the restore listener, and what an operator reads from it. */
class RestoreMetricsTest {

    private static final String STORE = Names.STORE_SERVICE_STATE;
    private static final TopicPartition FIRST = new TopicPartition("app-service-state-changelog", 0);
    private static final TopicPartition SECOND = new TopicPartition("app-service-state-changelog", 1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RestoreMetrics listener = new RestoreMetrics(meters);

    @Test
    void remainingRecordsAreSummedOverTheStoresPartitionsAndRestoredRecordsCounted() {
        listener.onRestoreStart(FIRST, STORE, 10, 110);
        listener.onRestoreStart(SECOND, STORE, 0, 20);
        assertThat(remaining()).isEqualTo(120.0);

        listener.onBatchRestored(FIRST, STORE, 59, 50);
        assertThat(remaining()).isEqualTo(70.0);
        assertThat(restored()).isEqualTo(50.0);

        listener.onBatchRestored(FIRST, STORE, 109, 48); // offsets include transaction markers
        listener.onRestoreEnd(FIRST, STORE, 98);
        listener.onBatchRestored(SECOND, STORE, 19, 20);
        listener.onRestoreEnd(SECOND, STORE, 20);

        assertThat(remaining()).isZero();
        assertThat(restored()).isEqualTo(118.0);
    }

    @Test
    void aSuspendedRestorationNoLongerCountsAsRemainingHere() {
        listener.onRestoreStart(FIRST, STORE, 0, 1_000);

        listener.onRestoreSuspended(FIRST, STORE, 0);

        assertThat(remaining()).isZero();
    }

    private double remaining() {
        return meters.get(PipelineMetrics.RESTORE_REMAINING_RECORDS).tag(PipelineMetrics.TAG_STORE, STORE).gauge().value();
    }

    private double restored() {
        return meters.get(PipelineMetrics.RESTORED_RECORDS).tag(PipelineMetrics.TAG_STORE, STORE).counter().count();
    }
}
