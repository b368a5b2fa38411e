package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.topology.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the only instance in the middle of an outage, while posts flow, then a restart on the
 * same state directory: under exactly_once_v2 the alert topic still holds every event exactly once.
 */
@Tag("integration")
@Timeout(300)
class AppKilledMidOutageTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    /** The posts that resolve the incidents are held back until the instance is dead. */
    private static final int HOLD_BEFORE_MINUTE = 88;

    @TempDir
    Path temp;

    @Test
    void afterASigkillAndARestartEveryAlertIsOnTheTopicExactlyOnce() {
        Map<String, String> settings = FaultOutcome.settings(KAFKA.bootstrapServers(), temp.resolve("state"));
        FaultOutcome.expectedAlerts(temp);

        try (RadarProcess first = RadarProcess.start(settings);
             FeedPlayer feed = new FeedPlayer(KAFKA.bootstrapServers(), Names.DEFAULT_POSTS_TOPIC,
                     Duration.ofMillis(200), HOLD_BEFORE_MINUTE).start()) {
            FaultOutcome.awaitSuspected(KAFKA);
            int sentBeforeKill = feed.minutesSent();
            assertThat(first.kill()).as("128 + SIGKILL").isEqualTo(137);
            feed.release();

            try (RadarProcess second = RadarProcess.start(settings)) {
                feed.awaitAllSent(FaultOutcome.DEADLINE);
                FaultOutcome.assertAlertsExactlyOnce(KAFKA, temp);

                assertThat(sentBeforeKill).as("killed mid-outage, before the posts that end it")
                        .isBetween(FaultFeed.OUTAGE_MINUTE, HOLD_BEFORE_MINUTE);
                // The stores were not flushed and checkpointed: the restarted instance read them back.
                assertThat(second.metrics()).as("restored from the changelogs")
                        .hasEntrySatisfying("outage_radar_restored_records_total{store=\""
                                + Names.STORE_SERVICE_STATE + "\"}", restored -> assertThat(restored).isPositive());
                assertThat(second.terminate()).isEqualTo(143);
            }
        }
    }
}
