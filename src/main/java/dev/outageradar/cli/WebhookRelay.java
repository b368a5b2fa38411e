package dev.outageradar.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.AlertLine;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.alert.webhook.IdempotencyKey;
import dev.outageradar.alert.webhook.WebhookSender;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code alerts --webhook} loop: reads the alert topic in a consumer group and commits an event's
 * offset only after the sender is done with it, so the group's offsets say what the receiver has.
 * A crash or Ctrl-C between a delivery and its commit sends that event again on the next start: delivery
 * is at-least-once, and the Idempotency-Key header lets a receiver drop the repeat.
 *
 * <p>An event the receiver refuses for good (a 4xx other than 408 and 429) is reported on one line and
 * skipped (committed). Retrying a body the receiver calls invalid cannot succeed, and holding it would
 * stop every later alert of every service behind it; the line names the event so nothing is lost silently.
 */
final class WebhookRelay {

    private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, String> consumer;
    private final WebhookSender sender;
    private final Set<String> services;
    private final long limit;
    private final PrintWriter out;
    private final PrintWriter err;

    WebhookRelay(KafkaConsumer<String, String> consumer, WebhookSender sender, Set<String> services, long limit,
                 PrintWriter out, PrintWriter err) {
        this.consumer = consumer;
        this.sender = sender;
        this.services = services;
        this.limit = limit;
        this.out = out;
        this.err = err;
    }

    /** Relays until stopped or {@code limit} events are done; returns the exit code. */
    int run(BooleanSupplier stopping) throws InterruptedException {
        long done = 0;
        while (!stopping.getAsBoolean() && (limit <= 0 || done < limit)) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (services.isEmpty() || services.contains(record.key())) {
                    try {
                        relay(record);
                    } catch (WebhookSender.GaveUpException e) {
                        err.println("outage-radar: " + e.getMessage() + "; its offset is not committed, so the next "
                                + "run starts with it");
                        err.flush();
                        return 1;
                    }
                    done++;
                }
                commit(record);
                if (limit > 0 && done >= limit) {
                    break;
                }
            }
        }
        return 0;
    }

    private void relay(ConsumerRecord<String, String> record)
            throws InterruptedException, WebhookSender.GaveUpException {
        AlertEvent event;
        try {
            event = JsonFormat.mapper().readValue(record.value(), AlertEvent.class);
        } catch (JsonProcessingException e) {
            problem("skipped an unreadable alert at " + where(record) + ": " + e.getOriginalMessage());
            return;
        }
        WebhookSender.Outcome outcome = sender.deliver(event, record.value());
        if (outcome instanceof WebhookSender.Outcome.Rejected rejected) {
            problem("the receiver refused " + IdempotencyKey.of(event) + " (" + where(record) + ") with HTTP "
                    + rejected.status() + (rejected.body().isEmpty() ? "" : ": " + rejected.body()) + "; skipped it");
        } else {
            out.println(AlertLine.format(event));
            out.flush();
        }
    }

    private void commit(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
        } catch (CommitFailedException e) {
            // Another member of the group took the partition: it starts from our last commit, so this
            // event may be delivered twice, never lost.
            log.warn("Could not commit {} after delivering it: {}", where(record), e.getMessage());
        }
    }

    private void problem(String message) {
        err.println("outage-radar: " + message);
        err.flush();
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
