package dev.outageradar.alert.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One POST of a JSON body to the receiver, classified. The timeout covers the whole exchange, so a
 * receiver slower than it counts as a failure worth retrying, like one that is down.
 */
public final class WebhookClient {

    private static final int BODY_EXCERPT = 200;

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;

    public WebhookClient(URI url, Duration timeout, Clock clock) {
        this.url = url;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Attempt post(String body, String idempotencyKey) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IdempotencyKey.HEADER, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<Duration> retryAfter =
                    Backoff.retryAfter(response.headers().firstValue("Retry-After"), clock.instant());
            return Attempt.ofStatus(response.statusCode(), excerpt(response.body()), retryAfter);
        } catch (HttpTimeoutException e) {
            return new Attempt.Retryable("no answer within " + timeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            return new Attempt.Retryable(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty());
        }
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= BODY_EXCERPT ? oneLine : oneLine.substring(0, BODY_EXCERPT) + "...";
    }
}
