package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.topology.Names;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -9} of the only instance in the middle of an outage, while posts flow, as soon as the outage's
 * first alert is written (perhaps before its transaction commits), then a restart on the same state
 * directory: under exactly_once_v2 the alert topic still holds every event exactly once.
 */
@Tag("integration")
@Timeout(300)
class AppKilledMidOutageTest {

    private static final Logger LOG = LoggerFactory.getLogger(AppKilledMidOutageTest.class);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir
    Path temp;

    @Test
    void afterASigkillAndARestartEveryAlertIsOnTheTopicExactlyOnce() {
        Map<String, String> settings = new LinkedHashMap<>(FaultOutcome.settings(KAFKA.bootstrapServers(),
                temp.resolve("state")));
        // Transactions stay open for two seconds rather than 100 ms: the kill, as soon as the SUSPECTED is
        // written, most likely strikes inside the very transaction that holds it.
        settings.put("kafka.commit.interval.ms", "2000");
        FaultOutcome.expectedAlerts(temp);

        try (RadarProcess first = RadarProcess.start(settings);
             FeedPlayer feed = new FeedPlayer(KAFKA.bootstrapServers()).start()) {
            FaultOutcome.awaitSuspected(KAFKA, false);
            int sentBeforeKill = feed.minutesSent();
            assertThat(first.kill()).as("128 + SIGKILL").isEqualTo(137);
            feed.release();

            try (RadarProcess second = RadarProcess.start(settings)) {
                feed.awaitAllSent(FaultOutcome.DEADLINE);
                FaultOutcome.assertAlertsExactlyOnce(KAFKA, temp);
                // Not an assertion (it depends on the moment of the kill): alerts of the transactions the kill
                // left open, aborted, which only a read_uncommitted consumer sees.
                LOG.info("Alert records in the topic, aborted ones included: {}; restored records per store: {}",
                        KAFKA.consumeAll(Names.DEFAULT_ALERTS_TOPIC, FaultOutcome.DEADLINE, false).size(),
                        second.restoredRecords());

                assertThat(sentBeforeKill).as("killed mid-outage, before the posts that end it")
                        .isBetween(FaultFeed.OUTAGE_MINUTE, FaultFeed.RESOLVING_MINUTE);
                // The stores were not flushed and checkpointed: the restarted instance read them back.
                assertThat(second.restoredRecords()).as("restored from the changelogs")
                        .hasEntrySatisfying(Names.STORE_SERVICE_STATE, restored -> assertThat(restored).isPositive());
                assertThat(second.terminate()).isEqualTo(143);
            }
        }
    }
}
