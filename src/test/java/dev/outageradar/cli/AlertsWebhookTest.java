package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.cli.WebhookReceiver.Reply;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code alerts --webhook} against a real broker and a real HTTP receiver: what the receiver gets, and when. */
@Tag("integration")
@Timeout(60)
class AlertsWebhookTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final Instant OPENED = Instant.parse("2024-09-30T14:00:00Z");

    @Test
    void postsEveryEventOnceInOrderWithItsIdempotencyKeyAndCommitsThem() throws Exception {
        String topic = topicWith(
                alert("spotify", IncidentEventType.OUTAGE_SUSPECTED, 1),
                alert("netflix", IncidentEventType.OUTAGE_SUSPECTED, 1),
                alert("spotify", IncidentEventType.OUTAGE_UPDATED, 2),
                alert("spotify", IncidentEventType.OUTAGE_RESOLVED, 3));
        String group = KAFKA.uniqueName("group");
        try (WebhookReceiver receiver = new WebhookReceiver(attempt -> Reply.OK)) {
            CliRun run = run(topic, "--from-beginning", "--webhook", receiver.url("/hook"), "--group", group,
                    "--limit", "4");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(receiver.requests()).extracting(WebhookReceiver.Request::idempotencyKey).containsExactly(
                    "spotify-20240930T1400Z/OUTAGE_SUSPECTED/1",
                    "netflix-20240930T1400Z/OUTAGE_SUSPECTED/1",
                    "spotify-20240930T1400Z/OUTAGE_UPDATED/2",
                    "spotify-20240930T1400Z/OUTAGE_RESOLVED/3");
            assertThat(receiver.requests()).allSatisfy(request -> {
                assertThat(request.path()).isEqualTo("/hook");
                assertThat(request.contentType()).isEqualTo("application/json");
            });
            assertThat(receiver.requests().get(0).body())
                    .isEqualTo(json(alert("spotify", IncidentEventType.OUTAGE_SUSPECTED, 1)));
            assertThat(run.out().lines().toList()).hasSize(4)
                    .allSatisfy(line -> assertThat(line).startsWith("2024-09-30 14:02Z  OUTAGE_"));
            assertThat(committed(group, topic)).contains(4L);
        }
    }

    @Test
    void retriesAFailingReceiverAndCommitsOnlyAfterItAccepts() throws Exception {
        String topic = topicWith(alert("spotify", IncidentEventType.OUTAGE_SUSPECTED, 1));
        String group = KAFKA.uniqueName("group");
        List<Optional<Long>> committedWhileFailing = new ArrayList<>();
        WebhookReceiver.Script failTwice = attempt -> {
            if (attempt <= 2) {
                committedWhileFailing.add(committed(group, topic));
                return attempt == 1 ? Reply.status(503) : new Reply(503, Duration.ZERO, "1");
            }
            return Reply.OK;
        };
        try (WebhookReceiver receiver = new WebhookReceiver(failTwice)) {
            CliRun first = run(topic, "--from-beginning", "--webhook", receiver.url("/"), "--group", group,
                    "--limit", "1");

            assertThat(first.exit()).as(first.err()).isZero();
            List<WebhookReceiver.Request> attempts = receiver.requests();
            assertThat(attempts).extracting(WebhookReceiver.Request::idempotencyKey)
                    .containsOnly("spotify-20240930T1400Z/OUTAGE_SUSPECTED/1").hasSize(3);
            // 0.5 s of backoff after the first 503, then the one second its Retry-After asked for.
            assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(450));
            assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(950));
            assertThat(committedWhileFailing).containsExactly(Optional.empty(), Optional.empty());
            assertThat(committed(group, topic)).contains(1L);
            assertThat(first.out().lines()).hasSize(1);

            // A restart of the same group goes on after the delivered event: it is not posted again.
            KAFKA.produce(topic, List.of(KeyValue.pair("spotify",
                    json(alert("spotify", IncidentEventType.OUTAGE_RESOLVED, 2)))));
            CliRun second = run(topic, "--from-beginning", "--webhook", receiver.url("/"), "--group", group,
                    "--limit", "1");

            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(receiver.requests()).extracting(WebhookReceiver.Request::idempotencyKey).hasSize(4)
                    .last().isEqualTo("spotify-20240930T1400Z/OUTAGE_RESOLVED/2");
        }
    }

    @Test
    void givesUpAfterMaxRetriesWithoutCommitting() throws Exception {
        String topic = topicWith(alert("spotify", IncidentEventType.OUTAGE_SUSPECTED, 1));
        String group = KAFKA.uniqueName("group");
        try (WebhookReceiver receiver = new WebhookReceiver(attempt -> Reply.status(500))) {
            CliRun run = run(topic, "--from-beginning", "--webhook", receiver.url("/"), "--group", group,
                    "--max-retries", "1", "--limit", "1");

            assertThat(run.exit()).isEqualTo(1);
            assertThat(receiver.requests()).hasSize(2);
            assertThat(run.err().lines().toList()).containsExactly("outage-radar: gave up delivering "
                    + "spotify-20240930T1400Z/OUTAGE_SUSPECTED/1 after 2 attempts, last: HTTP 500; its offset is not "
                    + "committed, so the next run starts with it");
            assertThat(run.out()).isEmpty();
            assertThat(committed(group, topic)).isEmpty();
        }
    }

    @Test
    void retriesAnAttemptSlowerThanTheTimeoutAndAcceptsASlowOneWithinIt() throws Exception {
        String topic = topicWith(alert("spotify", IncidentEventType.OUTAGE_SUSPECTED, 1));
        WebhookReceiver.Script slowThenSlowish = attempt ->
                new Reply(200, Duration.ofMillis(attempt == 1 ? 2000 : 300), null);
        try (WebhookReceiver receiver = new WebhookReceiver(slowThenSlowish)) {
            CliRun run = run(topic, "--from-beginning", "--webhook", receiver.url("/"), "--webhook-timeout", "800ms",
                    "--limit", "1");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(receiver.requests()).extracting(WebhookReceiver.Request::idempotencyKey)
                    .containsExactly("spotify-20240930T1400Z/OUTAGE_SUSPECTED/1",
                            "spotify-20240930T1400Z/OUTAGE_SUSPECTED/1");
            assertThat(run.out().lines()).hasSize(1);
        }
    }

    @Test
    void skipsAnEventTheReceiverRefusesForGoodWithOneLine() throws Exception {
        String topic = topicWith(
                alert("spotify", IncidentEventType.OUTAGE_SUSPECTED, 1),
                alert("netflix", IncidentEventType.OUTAGE_SUSPECTED, 1));
        String group = KAFKA.uniqueName("group");
        try (WebhookReceiver receiver = new WebhookReceiver(attempt -> Reply.status(attempt == 1 ? 400 : 202))) {
            CliRun run = run(topic, "--from-beginning", "--webhook", receiver.url("/"), "--group", group,
                    "--limit", "2");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(receiver.requests()).hasSize(2);
            assertThat(run.err().lines().toList()).containsExactly("outage-radar: the receiver refused "
                    + "spotify-20240930T1400Z/OUTAGE_SUSPECTED/1 (" + topic + "-0@0) with HTTP 400; skipped it");
            assertThat(run.out().lines().toList()).singleElement().asString().contains("netflix");
            assertThat(committed(group, topic)).contains(2L);
        }
    }

    @Test
    void alertmanagerKeepsReceivingAnOpenIncidentUntilItResolves() throws Exception {
        String topic = topicWith(alert("spotify", IncidentEventType.OUTAGE_SUSPECTED, 1));
        try (WebhookReceiver receiver = new WebhookReceiver(attempt -> Reply.OK)) {
            CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> run(topic, "--from-beginning",
                    "--webhook", receiver.url("/api/v2/alerts"), "--format", "alertmanager",
                    "--resend-interval", "200ms", "--limit", "2"));
            awaitTrue(() -> receiver.requests().size() >= 3);
            KAFKA.produce(topic, List.of(KeyValue.pair("spotify",
                    json(alert("spotify", IncidentEventType.OUTAGE_RESOLVED, 2)))));
            CliRun run = running.get(30, TimeUnit.SECONDS);
            Thread.sleep(600); // three resend intervals: nothing more may arrive after the resolution

            assertThat(run.exit()).as(run.err()).isZero();
            List<WebhookReceiver.Request> posts = receiver.requests();
            List<WebhookReceiver.Request> firing = posts.subList(0, posts.size() - 1);
            assertThat(firing).hasSizeGreaterThanOrEqualTo(3).allSatisfy(post -> {
                JsonNode alert = JsonFormat.mapper().readTree(post.body()).get(0);
                assertThat(post.path()).isEqualTo("/api/v2/alerts");
                assertThat(alert.get("labels")).isEqualTo(JsonFormat.mapper().readTree("""
                        {"alertname": "OutageSuspected", "service": "spotify", "incident_id": "spotify-20240930T1400Z"}
                        """));
                assertThat(alert.at("/annotations/event_type").asText()).isEqualTo("OUTAGE_SUSPECTED");
                assertThat(Instant.parse(alert.get("endsAt").asText())).isAfter(post.at());
            });
            JsonNode resolved = JsonFormat.mapper().readTree(posts.get(posts.size() - 1).body()).get(0);
            assertThat(resolved.at("/annotations/event_type").asText()).isEqualTo("OUTAGE_RESOLVED");
            assertThat(resolved.get("endsAt").asText()).isEqualTo("2024-09-30T14:02:00Z");
        }
    }

    private static String topicWith(AlertEvent... alerts) throws Exception {
        String topic = KAFKA.uniqueName("alerts");
        KAFKA.createTopics(1, topic);
        List<KeyValue<String, String>> records = new ArrayList<>();
        for (AlertEvent alert : alerts) {
            records.add(KeyValue.pair(alert.service(), json(alert)));
        }
        KAFKA.produce(topic, records);
        return topic;
    }

    private static Optional<Long> committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                KAFKA.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return Optional.ofNullable(offsets.get(new TopicPartition(topic, 0))).map(OffsetAndMetadata::offset);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 20 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static AlertEvent alert(String service, IncidentEventType type, int sequence) {
        Instant detected = Instant.parse("2024-09-30T14:02:00Z");
        return new AlertEvent(AlertEvent.SCHEMA_VERSION, type, service + "-20240930T1400Z", sequence, service,
                detected.minusSeconds(60), detected, 900, 30.0, 12.5, 30.0, Severity.CRITICAL, OPENED, 900, 120,
                detected, List.of("is " + service + " down?"), List.of("login"), 60, 900, 30.0);
    }

    private static String json(AlertEvent alert) {
        try {
            return JsonFormat.mapper().writeValueAsString(alert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    private static CliRun run(String topic, String... args) {
        List<String> all = new ArrayList<>(List.of("alerts"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", KAFKA.bootstrapServers(), "--set", "topic.alerts=" + topic));
        return CliRun.of(all);
    }
}
