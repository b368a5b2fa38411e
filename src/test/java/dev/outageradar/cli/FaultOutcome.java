package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.KafkaTestClients;
import dev.outageradar.topology.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a fault test checks at the end: the alert topic, read as on-call tooling reads it (read_committed),
 * holds for every service exactly the events the offline backtest of the same feed gives, byte for byte and
 * in order: no event repeated, none lost, none changed, and each incident's sequence numbers run 1..n.
 */
final class FaultOutcome {

    static final Duration DEADLINE = Duration.ofSeconds(120);
    private static List<String> backtest;

    private FaultOutcome() {
    }

    /** The settings every fault test's instances share: the default topics, with three partitions. */
    static Map<String, String> settings(String bootstrapServers, Path stateDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("state.dir", stateDir.toString());
        settings.put("api.port", "0");
        settings.put("topic.partitions", String.valueOf(FaultFeed.PARTITIONS));
        // These tests are about faults, not about a partition without posts: none is ever taken for idle.
        settings.put("source.idle.timeout", "10m");
        // A killed instance's tasks move once the group stops waiting for it; Kafka's 45 s would only slow
        // the tests (the broker accepts 6 s and more).
        settings.put("kafka.session.timeout.ms", "10000");
        return settings;
    }

    /** The feed's alerts from the offline backtest: what the live application must emit, fault or none. */
    static synchronized List<String> expectedAlerts(Path dir) {
        if (backtest == null) {
            Path out = dir.resolve("backtest-alerts.jsonl");
            CliRun run = CliRun.of("backtest", "--file", FaultFeed.write(dir).toString(), "--out", out.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            try {
                backtest = List.copyOf(Files.readAllLines(out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, List<String>> types = new LinkedHashMap<>();
            backtest.forEach(alert -> types.computeIfAbsent(json(alert).get("incident_id").asText(), id -> new ArrayList<>())
                    .add(json(alert).get("type").asText()));
            assertThat(types).as("the feed must open, update and resolve one incident of spotify and one of github")
                    .hasSize(2)
                    .allSatisfy((id, events) -> assertThat(events).first().isEqualTo("OUTAGE_SUSPECTED"))
                    .allSatisfy((id, events) -> assertThat(events).last().isEqualTo("OUTAGE_RESOLVED"))
                    .anySatisfy((id, events) -> assertThat(events).contains("OUTAGE_UPDATED"));
        }
        return backtest;
    }

    /** Waits until the spotify outage's first event is readable by read_committed consumers. */
    static void awaitSuspected(KafkaTestClients kafka) {
        awaitSuspected(kafka, true);
    }

    /**
     * Waits until the spotify outage's first event is written; with {@code committed} false, possibly in a
     * transaction still open, the worst moment for the instance that wrote it to die.
     */
    static void awaitSuspected(KafkaTestClients kafka, boolean committed) {
        kafka.consume(Names.DEFAULT_ALERTS_TOPIC, read -> read.stream().anyMatch(r -> r.key().equals("spotify")
                && r.value().contains("\"OUTAGE_SUSPECTED\"")), DEADLINE, committed);
    }

    /**
     * Waits until every service's window of {@link FaultFeed#LAST_CLOSED_MINUTE} is judged: its count is on
     * the counts topic, committed in the same transaction as any alert of that window or before it.
     */
    static void awaitEverythingJudged(KafkaTestClients kafka) {
        String last = FaultFeed.minute(FaultFeed.LAST_CLOSED_MINUTE).toString();
        kafka.consume(Names.DEFAULT_COUNTS_TOPIC, read -> FaultFeed.SERVICES.stream().allMatch(service ->
                read.stream().anyMatch(r -> r.key().equals(service)
                        && json(r.value()).get("window_start").asText().equals(last))), DEADLINE, true);
    }

    /** Asserts the alert topic as a whole, once everything is judged. */
    static void assertAlertsExactlyOnce(KafkaTestClients kafka, Path dir) {
        awaitEverythingJudged(kafka);
        List<ConsumerRecord<String, String>> alerts = kafka.consumeAll(Names.DEFAULT_ALERTS_TOPIC, DEADLINE, true);

        Map<String, List<String>> actual = byService(alerts.stream().map(ConsumerRecord::value).toList());
        Map<String, List<String>> expected = byService(expectedAlerts(dir));
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((service, events) -> assertThat(actual.get(service)).as(service).containsExactlyElementsOf(events));
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        alerts.forEach(record -> sequences.computeIfAbsent(json(record.value()).get("incident_id").asText(),
                id -> new ArrayList<>()).add(json(record.value()).get("sequence").asInt()));
        sequences.forEach((incident, numbers) -> assertThat(numbers).as(incident)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, numbers.size()).boxed().toList()));
    }

    private static Map<String, List<String>> byService(List<String> alerts) {
        Map<String, List<String>> byService = new LinkedHashMap<>();
        alerts.forEach(alert -> byService.computeIfAbsent(json(alert).get("service").asText(), s -> new ArrayList<>())
                .add(alert));
        return byService;
    }

    static JsonNode json(String text) {
        try {
            return JsonFormat.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
