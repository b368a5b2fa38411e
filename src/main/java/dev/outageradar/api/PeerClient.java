package dev.outageradar.api;

import dev.outageradar.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the application (found through Kafka Streams' metadata) for what its local
 * state holds. The request is marked as forwarded, so the peer answers from its own state and never
 * forwards it again: a request travels at most one hop even while two instances disagree on ownership.
 * It carries this instance's api.token, which every instance of the application shares.
 */
final class PeerClient {

    static final String FORWARDED_HEADER = "X-Outage-Radar-Forwarded";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Optional<Secret> token;

    PeerClient(Optional<Secret> token) {
        this.token = token;
    }

    /** The peer's answer, passed on as it is; a peer that cannot be reached is a 503. */
    Response get(HostInfo peer, String pathAndQuery) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(FORWARDED_HEADER, "true").GET();
        token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret.reveal()));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse(Response.JSON);
            return new Response(response.statusCode(), type, response.body());
        } catch (IOException e) {
            throw ApiException.unavailable("instance " + peer.host() + ":" + peer.port() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while asking " + peer.host() + ":" + peer.port());
        }
    }
}
