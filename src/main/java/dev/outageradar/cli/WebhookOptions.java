package dev.outageradar.cli;

import dev.outageradar.alert.webhook.AlertmanagerPayload;
import dev.outageradar.alert.webhook.Backoff;
import dev.outageradar.alert.webhook.GenericPayload;
import dev.outageradar.alert.webhook.OpenIncidentResender;
import dev.outageradar.alert.webhook.PagerDutyPayload;
import dev.outageradar.alert.webhook.PayloadFormat;
import dev.outageradar.alert.webhook.SlackPayload;
import dev.outageradar.alert.webhook.WebhookClient;
import dev.outageradar.alert.webhook.WebhookFormat;
import dev.outageradar.alert.webhook.WebhookSender;
import dev.outageradar.config.ConfigException;
import dev.outageradar.config.ConfigKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags of {@code alerts --webhook}, checked together and turned into a sender. */
final class WebhookOptions {

    static final String ROUTING_KEY_ENV = ConfigKeys.PAGERDUTY_ROUTING_KEY_ENV;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "POST each event to this http(s) URL instead of printing it (at-least-once: the group's "
                    + "offset is committed only once the receiver answered 2xx).")
    String url;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Body for --webhook: slack, alertmanager (POST to .../api/v2/alerts), pagerduty (Events "
                    + "API v2) or generic (the event as on the topic; default).")
    String format;

    @Option(names = "--group", paramLabel = "ID",
            description = "Consumer group whose offsets record what was delivered (default: outage-radar-webhook-FORMAT).")
    String group;

    @Option(names = "--routing-key", paramLabel = "KEY",
            description = "PagerDuty integration key for --format pagerduty (env: " + ROUTING_KEY_ENV + ").")
    String routingKey;

    @Option(names = "--webhook-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "An attempt that gets no answer within this is failed and retried (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-retries", paramLabel = "N",
            description = "Give up (exit 1, offset not committed) after N retries of one event "
                    + "(default: retry for ever, backing off from 0.5s to 30s or as Retry-After says).")
    Long maxRetries;

    @Option(names = "--resend-interval", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "With --format alertmanager, re-post each open incident's alert this often until it "
                    + "resolves (default: ${DEFAULT-VALUE}).")
    Duration resendInterval;

    boolean enabled() {
        return url != null;
    }

    /** The checked settings, or one line naming what is wrong. */
    Settings settings(boolean json, Map<String, String> env) {
        if (!enabled()) {
            if (format != null || routingKey != null || group != null || maxRetries != null) {
                throw new ConfigException("--format, --routing-key, --group and --max-retries need --webhook URL");
            }
            return null;
        }
        if (json) {
            throw new ConfigException("--json prints events and --webhook posts them: choose one");
        }
        WebhookFormat chosen = format == null ? WebhookFormat.GENERIC : WebhookFormat.of(format).orElseThrow(
                () -> new ConfigException("--format '" + format + "' is not one of " + WebhookFormat.allowed()));
        String key = routingKey != null ? routingKey : env.get(ROUTING_KEY_ENV);
        if (chosen == WebhookFormat.PAGERDUTY && (key == null || key.isBlank())) {
            throw new ConfigException("--format pagerduty needs --routing-key KEY or " + ROUTING_KEY_ENV);
        }
        if (routingKey != null && chosen != WebhookFormat.PAGERDUTY) {
            throw new ConfigException("--routing-key is only for --format pagerduty");
        }
        if (maxRetries != null && maxRetries < 0) {
            throw new ConfigException("--max-retries " + maxRetries + " must be 0 or more");
        }
        return new Settings(uri(url), chosen, key, group != null ? group : "outage-radar-webhook-" + chosen.id(),
                timeout, maxRetries == null ? Long.MAX_VALUE : maxRetries, resendInterval);
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below with the same message as a URI of the wrong kind.
        }
        throw new ConfigException("--webhook '" + url + "' is not an http:// or https:// URL with a host");
    }

    record Settings(URI url, WebhookFormat format, String routingKey, String group, Duration timeout,
                    long maxRetries, Duration resendInterval) {

        /** The sender, and for Alertmanager the re-poster it feeds (close it when done). */
        WebhookSender sender(Clock clock, WebhookSender.Sleeper sleeper, Optional<OpenIncidentResender> resender) {
            return new WebhookSender(client(clock), payload(), Backoff.DEFAULT, maxRetries, clock, sleeper, resender);
        }

        Optional<OpenIncidentResender> resender(Clock clock) {
            return format == WebhookFormat.ALERTMANAGER
                    ? Optional.of(new OpenIncidentResender(client(clock), payload(), resendInterval, clock))
                    : Optional.empty();
        }

        private WebhookClient client(Clock clock) {
            return new WebhookClient(url, timeout, clock);
        }

        private PayloadFormat payload() {
            return switch (format) {
                case SLACK -> new SlackPayload();
                case ALERTMANAGER -> new AlertmanagerPayload(resendInterval);
                case PAGERDUTY -> new PagerDutyPayload(routingKey);
                case GENERIC -> new GenericPayload();
            };
        }
    }
}
