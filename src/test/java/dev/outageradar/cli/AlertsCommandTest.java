package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The alert tail against a real broker: what on-call people see of the alert topic. */
@Tag("integration")
@Timeout(120)
class AlertsCommandTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static String topic;

    @BeforeAll
    static void alertsOnTheTopic() throws Exception {
        topic = KAFKA.uniqueName("alerts");
        KAFKA.createTopics(2, topic);
        KAFKA.produce(topic, List.of(
                KeyValue.pair("spotify", json(alert("spotify", IncidentEventType.OUTAGE_SUSPECTED, 1, 900))),
                KeyValue.pair("netflix", json(alert("netflix", IncidentEventType.OUTAGE_SUSPECTED, 1, 40)))));
        // An alert of a transaction that was rolled back: a read_committed tail never shows it.
        Map<String, Object> config = new HashMap<>(KAFKA.producerConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KAFKA.uniqueName("aborted"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record("spotify", alert("spotify", IncidentEventType.OUTAGE_UPDATED, 2, 5000))).get();
            producer.abortTransaction();
        }
        KAFKA.produce(topic, List.of(
                KeyValue.pair("spotify", json(alert("spotify", IncidentEventType.OUTAGE_RESOLVED, 2, 30)))));
    }

    @Test
    void showsOneReadableLinePerCommittedEventOfTheChosenService() {
        CliRun run = run("alerts", "--from-beginning", "--service", "spotify", "--limit", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).startsWith("2024-09-30 14:02Z  OUTAGE_SUSPECTED  spotify ")
                        .contains("900 complaints/window vs 30.0 expected (x30)", "spotify-20240930T1400Z"),
                line -> assertThat(line).startsWith("2024-09-30 14:02Z  OUTAGE_RESOLVED   spotify ")
                        .contains("30 complaints/window"));
    }

    @Test
    void printsTheRawEventsWithJson() {
        CliRun run = run("alerts", "--from-beginning", "--json", "--limit", "3");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("{\"schema_version\":1,"))
                .noneMatch(line -> line.contains("\"count\":5000"));
    }

    private static AlertEvent alert(String service, IncidentEventType type, int sequence, long count) {
        Instant opened = Instant.parse("2024-09-30T14:00:00Z");
        Instant detected = Instant.parse("2024-09-30T14:02:00Z");
        return new AlertEvent(AlertEvent.SCHEMA_VERSION, type, service + "-20240930T1400Z", sequence, service,
                detected.minusSeconds(60), detected, count, 30.0, 12.5, count / 30.0, Severity.CRITICAL, opened,
                count, 120, detected, List.of("is " + service + " down?"), List.of("login"), 60, count, 30.0);
    }

    private static String json(AlertEvent alert) {
        try {
            return JsonFormat.mapper().writeValueAsString(alert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String key, AlertEvent alert) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                json(alert).getBytes(StandardCharsets.UTF_8));
    }


    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", KAFKA.bootstrapServers(), "--set", "topic.alerts=" + topic));
        return CliRun.of(all);
    }
}
